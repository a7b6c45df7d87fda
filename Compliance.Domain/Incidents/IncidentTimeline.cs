using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>An incident's timeline, earliest event first, for those who may read the incident.</summary>
public sealed class IncidentTimeline(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<IReadOnlyList<TimelineEvent>>> ReadAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await new IncidentAccess(db, clock).GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<TimelineEvent>>();
        return Outcome<IReadOnlyList<TimelineEvent>>.Ok(await Of(db.TimelineEvents, incidentId).ToListAsync(ct));
    }

    /// <summary>An incident's events in the order the timeline shows them (when they happened).</summary>
    public static IQueryable<TimelineEvent> Of(IQueryable<TimelineEvent> events, Guid incidentId) =>
        events.Where(t => t.IncidentId == incidentId).OrderBy(t => t.At);
}
