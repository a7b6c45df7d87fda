using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Audit;

/// <summary>An incident's lines of the audit log, oldest first, for those who may read the incident.</summary>
public sealed class IncidentAuditTrail(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<IReadOnlyList<AuditEntry>>> ReadAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await new IncidentAccess(db, clock).GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<AuditEntry>>();
        return Outcome<IReadOnlyList<AuditEntry>>.Ok(await db.AuditEntries.Where(e => e.IncidentId == incidentId).OrderBy(e => e.Sequence).ToListAsync(ct));
    }
}
