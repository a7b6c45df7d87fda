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
        // One round trip on every page: the organisation's zone and the reader's own choice together.
        var zones = await db.Organisations.Where(o => o.Id == actor.OrganisationId)
            .Select(o => new { o.TimeZone, Reader = db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TimeZone).FirstOrDefault() })
            .SingleAsync(ct);
        var organisation = TimeText.Zone(zones.TimeZone, DateTimeZone.Utc);
        return new DisplayZones(TimeText.Zone(zones.Reader, organisation), organisation);
    }
}
