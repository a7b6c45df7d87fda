using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Shared;

/// <summary>
/// What every workspace request needs of the person's organisation (its sign-in rules, its zone), read in one query
/// once per request: the workspace filter asks for the rules and the page for the zone, a round trip each before.
/// </summary>
public sealed class OrganisationFrame(ComplianceDbContext db)
{
    public sealed record Facts(bool RequireTwoFactor, bool RequirePhishingResistant, string TimeZone);

    private (Guid Id, Facts Facts)? read;

    public async Task<Facts> OfAsync(Guid organisationId, CancellationToken ct)
    {
        if (read is { } known && known.Id == organisationId) return known.Facts;
        var facts = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new Facts(o.RequireTwoFactor, o.RequirePhishingResistant, o.TimeZone)).SingleAsync(ct);
        read = (organisationId, facts);
        return facts;
    }
}
