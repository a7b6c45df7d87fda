namespace Compliance.Domain.Audit;

/// <summary>
/// What each kind of audit line means, in plain words, and whether it records a change or only a look (a read or an
/// export): reads are folded on the audit pages so that changes stand out.
/// </summary>
public static class AuditActions
{
    public sealed record Kind(string Action, string Words, string Group, bool IsRead);

    private static readonly Kind[] Known =
    [
        new("incident.created", "Incident logged", "Incidents", false),
        new("incident.updated", "Incident facts changed", "Incidents", false),
        new("incident.status-changed", "Incident status changed", "Incidents", false),
        new("timeline.added", "Timeline entry added", "Incidents", false),
        new("risk.confirmed", "Risk level confirmed as the assessment proposed", "Incidents", false),
        new("risk.overridden", "Risk level overridden, with a rationale", "Incidents", false),
        new("obligation.added", "Duty added by the rules", "Duties", false),
        new("obligation.superseded", "Duty replaced after the facts changed", "Duties", false),
        new("obligation.withdrawn", "Duty withdrawn after the facts changed", "Duties", false),
        new("obligation.decided", "Duty decided not required", "Duties", false),
        new("obligation.fulfilled", "Duty fulfilled", "Duties", false),
        new("obligation.filed", "Filing recorded", "Duties", false),
        new("obligation.people-counted", "People notified counted for a duty", "Duties", false),
        new("obligation.proof-attached", "Campaign proof kept with a duty as evidence", "Duties", false),
        new("task.created-from-template", "Task created from the organisation's template", "Tasks", false),
        new("task.added", "Task added", "Tasks", false),
        new("task.edited", "Task changed", "Tasks", false),
        new("task.state-changed", "Task state changed", "Tasks", false),
        new("task.evidence-added", "Task evidence added", "Tasks", false),
        new("task-templates.updated", "Task template list changed", "Organisation", false),
        new("filing.generated", "Filing PDF saved", "Filings", false),
        new("people.imported", "Affected people imported", "People", false),
        new("people.flags-changed", "Safety flags changed", "People", false),
        new("people.contact-recorded", "Manual contact recorded", "People", false),
        new("people.viewed", "Affected people viewed", "People", true),
        new("people.uploads-expired", "Expired uploads of people deleted", "People", false),
        new("people.exported", "Affected people exported", "People", true),
        new("notice.draft-saved", "Notice text saved", "Notices", false),
        new("notice.test-sent", "Test notice sent", "Notices", false),
        new("campaign.prepared", "Campaign prepared", "Notices", false),
        new("campaign.approved", "Campaign approved", "Notices", false),
        new("campaign.cancelled", "Campaign cancelled", "Notices", false),
        new("campaign.completed", "Campaign finished", "Notices", false),
        new("campaign.resend-unconfirmed", "Unconfirmed messages sent again", "Notices", false),
        new("campaign.proof-downloaded", "Campaign proof downloaded", "Notices", true),
        new("audit.exported", "Audit log exported", "Audit", true),
        new("organisation.created", "Organisation created", "Organisation", false),
        new("organisation.updated", "Organisation settings changed", "Organisation", false),
        new("member.added", "Member added", "Members", false),
        new("member.removed", "Member removed", "Members", false),
        new("member.role-changed", "Member's role changed", "Members", false),
        new("member.2fa-reset", "Member's two-factor sign-in reset", "Members", false),
        new("security-key.registered", "Passkey or security key added", "Members", false),
        new("security-key.removed", "Passkey or security key removed", "Members", false),
        new("security-key.counter-regressed", "Security key refused: its signature counter went backwards (a copied key?)", "Members", false),
        new("token.created", "API token created", "Members", false),
        new("token.revoked", "API token revoked", "Members", false),
        new("webhook.added", "Webhook endpoint added", "Organisation", false),
        new("webhook.changed", "Webhook endpoint changed", "Organisation", false),
        new("webhook.removed", "Webhook endpoint removed", "Organisation", false),
        new("webhook.secret-rotated", "Webhook signing secret rotated", "Organisation", false),
        new("webhook.replayed", "Webhook delivery sent again", "Organisation", false),
        new("mail.retry", "Failed mail sent again", "Organisation", false),
        new("demo.passwords-reset", "Demo passwords reset", "Members", false),
    ];

    private static readonly Dictionary<string, Kind> ByAction = Known.ToDictionary(k => k.Action, StringComparer.Ordinal);

    public static IReadOnlyList<string> Groups { get; } = Known.Select(k => k.Group).Distinct().ToList();

    public static Kind Of(string action) => ByAction.TryGetValue(action, out var kind) ? kind : new(action, action, "Other", false);

    public static IEnumerable<string> ActionsIn(string group) => Known.Where(k => k.Group == group).Select(k => k.Action);

    public static IEnumerable<string> Reads => Known.Where(k => k.IsRead).Select(k => k.Action);
}
