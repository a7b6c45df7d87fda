using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Shared;

/// <summary>The zones a person reads times in: their own if they chose one, else their organisation's.</summary>
public sealed class ReaderZones(ComplianceDbContext db, OrganisationFrame organisations, Account.CurrentActor current)
{
    public async Task<DisplayZones> ForAsync(Actor actor, CancellationToken ct)
    {
        var organisation = TimeText.Zone((await organisations.OfAsync(actor.OrganisationId, ct)).TimeZone, DateTimeZone.Utc);
        // The session check read the account's zone with its stamp (or a page loaded the account): no second read.
        var reader = db.Users.Local.FindEntry(actor.UserId) is { } loaded ? loaded.Entity.TimeZone
            : current.TryReaderZone(actor.UserId, out var preloaded) ? preloaded
            : await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        return new DisplayZones(TimeText.Zone(reader, organisation), organisation);
    }
}
