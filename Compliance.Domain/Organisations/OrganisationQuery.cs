using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Organisations;

/// <summary>The acting person's organisation, as its settings pages show it.</summary>
public sealed class OrganisationQuery(ComplianceDbContext db)
{
    public async Task<Outcome<Organisation>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == actor.OrganisationId, ct);
        return org is null ? Outcome<Organisation>.NotFound() : Outcome<Organisation>.Ok(org);
    }
}
