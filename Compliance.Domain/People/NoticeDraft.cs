using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// What the organisation wants to tell the people affected by an incident (what happened, what it means, what was
/// done, what they can do, whom to ask), kept as JSON; each person's notice is rendered from it and their own details.
/// </summary>
public sealed class NoticeDraft
{
    public static readonly IReadOnlyList<string> FieldNames = [.. Compliance.Domain.Notices.NoticeParts.Written.Select(p => p.Field)];

    private NoticeDraft() { Fields = "{}"; UpdatedBy = ""; }

    public NoticeDraft(Guid organisationId, Guid incidentId)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
        Fields = "{}";
        UpdatedBy = "";
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public string Fields { get; set; }
    public string UpdatedBy { get; set; }
    public Instant UpdatedAt { get; set; }
}
