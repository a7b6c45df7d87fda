using Compliance.Domain.Incidents;
using Compliance.Domain.Filings;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Filings;

/// <summary>The stored PDF versions of an incident's regulator filings, for whoever may read the incident.</summary>
public sealed class FilingVersions(ComplianceDbContext db, IncidentAccess workspace)
{
    /// <summary>The versions for one jurisdiction, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<FilingVersion>>> ListAsync(Actor actor, Guid incidentId, string jurisdiction, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<FilingVersion>>();
        return Outcome<IReadOnlyList<FilingVersion>>.Ok(await db.Filings.Where(f => f.IncidentId == incidentId && f.Jurisdiction == jurisdiction)
            .OrderByDescending(f => f.CreatedAt).ToListAsync(ct));
    }

    public async Task<Outcome<FilingVersion>> GetAsync(Actor actor, Guid incidentId, Guid filingId, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<FilingVersion>();
        var filing = await db.Filings.SingleOrDefaultAsync(f => f.Id == filingId && f.IncidentId == incidentId, ct);
        return filing is null ? Outcome<FilingVersion>.NotFound() : Outcome<FilingVersion>.Ok(filing);
    }

    /// <summary>The zone of the authority this filing goes to: the one its deadline is counted in.</summary>
    public async Task<string?> AuthorityZoneAsync(Guid incidentId, string jurisdiction, CancellationToken ct = default) =>
        (await RegulatorDuty.OfAsync(db, incidentId, jurisdiction, ct))?.TimeZone;
}
