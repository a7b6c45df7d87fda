using NodaTime;

namespace Compliance.Domain.Notices;

public enum CampaignState { AwaitingApproval, Sending, Completed, Cancelled }

/// <summary>
/// One email notice to a chosen group of an incident's people. Its text is frozen when it is prepared (the draft's
/// fields, and a hash of those and of every template it uses); a second person approves exactly that before anything
/// is sent. Its recipients are its send log: one row per person, made when it is prepared.
/// </summary>
public sealed class Campaign
{
    private Campaign() { Name = ""; Jurisdictions = ""; Languages = ""; Fields = "{}"; TemplateHash = ""; CreatedBy = ""; }

    public Campaign(Guid organisationId, Guid incidentId, string name, string jurisdictions, string languages, string fields,
        string templateHash, string createdBy, Instant createdAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
        Name = name;
        Jurisdictions = jurisdictions;
        Languages = languages;
        Fields = fields;
        TemplateHash = templateHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        State = CampaignState.AwaitingApproval;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The jurisdictions chosen, comma-separated; empty for all.</summary>
    public string Jurisdictions { get; private set; }

    /// <summary>The languages chosen, comma-separated; empty for all.</summary>
    public string Languages { get; private set; }

    /// <summary>The notice draft's fields as they were when the campaign was prepared (JSON).</summary>
    public string Fields { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the frozen fields and of every template file the recipients' notices use.</summary>
    public string TemplateHash { get; private set; }

    public string CreatedBy { get; private set; }
    public Instant CreatedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public Instant? ApprovedAt { get; private set; }
    public string? CancelledBy { get; private set; }
    public CampaignState State { get; private set; }
    public Instant? FinishedAt { get; private set; }

    /// <summary>Nothing is sent for this campaign before this instant (a daily limit reached, or the server asking us to slow down).</summary>
    public Instant? ResumeAt { get; set; }

    /// <summary>Why the campaign is waiting or stopped, for the people watching it.</summary>
    public string? StatusNote { get; set; }

    public void Approve(string approver, Instant at)
    {
        ApprovedBy = approver;
        ApprovedAt = at;
        State = CampaignState.Sending;
    }

    public void Cancel(string by, Instant at)
    {
        CancelledBy = by;
        FinishedAt = at;
        State = CampaignState.Cancelled;
    }

    public void Complete(Instant at)
    {
        FinishedAt = at;
        State = CampaignState.Completed;
        ResumeAt = null;
        StatusNote = null;
    }

    /// <summary>Sends again (messages put back in the queue after it finished).</summary>
    public void Reopen()
    {
        if (State != CampaignState.Completed) return;
        FinishedAt = null;
        State = CampaignState.Sending;
    }

    public IReadOnlyList<string> JurisdictionList => Split(Jurisdictions);
    public IReadOnlyList<string> LanguageList => Split(Languages);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
