using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Audit;

/// <summary>
/// Which log to export: one incident's, by id (pages, API) or by reference (command line), or, with neither, the
/// whole organisation's; <paramref name="Format"/> is recorded with the export.
/// </summary>
public sealed record ExportAuditRequest(Guid? IncidentId, string? IncidentReference = null, string Format = "csv");

/// <summary>The exported lines, oldest first, and the incident they belong to (null for the whole log).</summary>
public sealed record AuditExport(IReadOnlyList<AuditEntry> Entries, Incident? Incident);

/// <summary>
/// Exporting the audit log, for those who may: the export is itself logged, and saved before the lines are handed
/// over, so an export that cannot be recorded does not happen.
/// </summary>
public sealed class ExportAudit(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<AuditExport>> HandleAsync(Actor actor, ExportAuditRequest request, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        var incidentId = request.IncidentId;
        if (request.IncidentReference is { } reference)
        {
            incidentId = await db.Incidents.Where(i => i.Reference == reference).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
            if (incidentId is null) return Outcome<AuditExport>.Invalid("incident", $"'{reference}' is not an incident of this organisation.");
        }

        Incident? incident = null;
        if (incidentId is { } id)
        {
            var found = await new IncidentAccess(db, clock).GetAsync(actor, id, ct);
            if (!found.IsOk) return found.Refusal<AuditExport>();
            incident = found.Value;
        }
        if (!Permissions.Allows(actor, Operation.ExportAudit, incidentId, clock.GetCurrentInstant())) return Outcome<AuditExport>.Forbidden();

        var log = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == actor.OrganisationId);
        if (incidentId is not null) log = log.Where(e => e.IncidentId == incidentId);
        var entries = await log.OrderBy(e => e.Sequence).ToListAsync(ct);

        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "audit.exported",
            new { incident = incident?.Reference, format = request.Format, entries = entries.Count }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<AuditExport>.Ok(new AuditExport(entries, incident));
    }
}
