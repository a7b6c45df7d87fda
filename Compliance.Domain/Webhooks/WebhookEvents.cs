namespace Compliance.Domain.Webhooks;

/// <summary>
/// The event types a receiver can ask for, and which audit lines raise them: every change that raises an event
/// already writes an audit line in its transaction, so the outbox rows are written from those lines, in that
/// transaction. Due soon and overdue are raised by the clock (the duty deadline sweep), not by a change.
/// </summary>
public static class WebhookEvents
{
    public const string IncidentCreated = "incident.created";
    public const string IncidentChanged = "incident.changed";
    public const string DutyAdded = "duty.added";
    public const string DutyDueSoon = "duty.due-soon";
    public const string DutyOverdue = "duty.overdue";
    public const string DutyFulfilled = "duty.fulfilled";
    public const string CampaignApproved = "campaign.approved";
    public const string CampaignFinished = "campaign.finished";
    public const string FilingFiled = "filing.filed";

    public static IReadOnlyList<string> All { get; } =
        [IncidentCreated, IncidentChanged, DutyAdded, DutyDueSoon, DutyOverdue, DutyFulfilled, CampaignApproved, CampaignFinished, FilingFiled];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>What a receiver is told, in a few words (the admin page's choices).</summary>
    public static string Words(string type) => type switch
    {
        IncidentCreated => "An incident was logged",
        IncidentChanged => "An incident's facts, status or risk changed",
        DutyAdded => "The rules added a duty",
        DutyDueSoon => "A duty falls due within a day",
        DutyOverdue => "A duty's deadline passed without a filing",
        DutyFulfilled => "A duty was fulfilled",
        CampaignApproved => "A notice campaign was approved",
        CampaignFinished => "A notice campaign finished",
        FilingFiled => "A filing was marked filed",
        _ => type,
    };

    /// <summary>The event types an audit action raises (none for most).</summary>
    internal static IEnumerable<string> RaisedBy(string action, bool namesFiling) => action switch
    {
        "incident.created" => [IncidentCreated],
        "incident.updated" or "incident.status-changed" or "risk.confirmed" or "risk.overridden" => [IncidentChanged],
        "obligation.added" => [DutyAdded],
        "obligation.fulfilled" => namesFiling ? [DutyFulfilled, FilingFiled] : [DutyFulfilled],
        "campaign.approved" => [CampaignApproved],
        "campaign.completed" => [CampaignFinished],
        _ => [],
    };

    internal static bool MayRaise(string action) => RaisedBy(action, namesFiling: true).Any();
}
