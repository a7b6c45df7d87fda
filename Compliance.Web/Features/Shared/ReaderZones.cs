using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Shared;

/// <summary>The zones a person reads times in: their own if they chose one, else their organisation's.</summary>
public sealed class ReaderZones(ComplianceDbContext db)
{
    public async Task<DisplayZones> ForAsync(Actor actor, CancellationToken ct)
    {
        var organisationZone = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.TimeZone).SingleAsync(ct);
        var userZone = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct);
        var organisation = TimeText.Zone(organisationZone, DateTimeZone.Utc);
        return new DisplayZones(TimeText.Zone(userZone, organisation), organisation);
    }
}
