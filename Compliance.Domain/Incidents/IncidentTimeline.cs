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
        return Outcome<IReadOnlyList<TimelineEvent>>.Ok(await db.TimelineEvents.Where(t => t.IncidentId == incidentId).OrderBy(t => t.At).ToListAsync(ct));
    }
}
