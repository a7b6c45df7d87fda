using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>Something that happened during the incident, as the responders recorded it.</summary>
public sealed class TimelineEvent
{
    private TimelineEvent() { Description = ""; RecordedBy = ""; }

    public TimelineEvent(Guid id, Guid organisationId, Guid incidentId, Instant at, string description, string recordedBy, Instant recordedAt)
    {
        Id = id;
        OrganisationId = organisationId;
        IncidentId = incidentId;
        At = at;
        Description = description;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public Instant At { get; private set; }
    public string Description { get; private set; }
    public string RecordedBy { get; private set; }
    public Instant RecordedAt { get; private set; }
}
