using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>An incident's duties, soonest deadline first (open-ended ones last); with history, superseded ones too.</summary>
public sealed class IncidentDuties(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<IReadOnlyList<Obligation>>> ReadAsync(Actor actor, Guid incidentId, bool withHistory, CancellationToken ct = default)
    {
        var incident = await new IncidentAccess(db, clock).GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<Obligation>>();
        var query = db.Obligations.Where(o => o.IncidentId == incidentId);
        if (!withHistory) query = query.Where(o => o.Status != ObligationStatus.Superseded);
        return Outcome<IReadOnlyList<Obligation>>.Ok(Ordered(await query.ToListAsync(ct)));
    }

    /// <summary>Soonest deadline first, open-ended ones last, then by jurisdiction and as they were made.</summary>
    public static IReadOnlyList<Obligation> Ordered(IEnumerable<Obligation> duties) =>
        duties.OrderBy(o => o.Deadline is null).ThenBy(o => o.Deadline).ThenBy(o => o.Jurisdiction, StringComparer.Ordinal).ThenBy(o => o.CreatedAt).ToList();
}
