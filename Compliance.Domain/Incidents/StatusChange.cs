using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>
/// Moving an incident to open, contained or closed, inside the caller's unit of work. Closing waits until every
/// mandatory duty is fulfilled or decided, counted on the duties as they stand in this unit (a fact change
/// made just before may have re-planned them).
/// </summary>
internal static class StatusChange
{
    public static async Task<Outcome<Incident>?> ApplyAsync(ComplianceDbContext db, AuditLog audit, Actor actor, Incident incident,
        IncidentStatus status, Instant now, CancellationToken ct)
    {
        if (incident.Status == status) return null;
        if (status == IncidentStatus.Closed && await UndecidedAsync(db, incident.Id, ct) is > 0 and var undecided)
            return Outcome<Incident>.Invalid("status", $"{undecided} mandatory duty(ies) are still open: fulfil them or decide they are not required before closing.");
        var before = incident.Status;
        incident.Status = status;
        incident.Version++;
        incident.UpdatedAt = now;
        await audit.AppendAsync(actor.OrganisationId, incident.Id, actor.Email, "incident.status-changed",
            new { before = KebabCase<IncidentStatus>.ToId(before), after = KebabCase<IncidentStatus>.ToId(status) }, ct);
        return null;
    }

    private static async Task<int> UndecidedAsync(ComplianceDbContext db, Guid incidentId, CancellationToken ct)
    {
        // Tracked duties keep their unsaved state; duties added in this unit are not in the database yet.
        var stored = await db.Obligations.Where(o => o.IncidentId == incidentId).ToListAsync(ct);
        var added = db.Obligations.Local.Where(o => o.IncidentId == incidentId && db.Entry(o).State == EntityState.Added && !stored.Contains(o));
        return stored.Concat(added).Count(o => o.Mandatory && o.Status == ObligationStatus.Open);
    }
}
