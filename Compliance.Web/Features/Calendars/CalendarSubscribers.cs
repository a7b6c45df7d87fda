using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Calendars;

/// <summary>
/// Who a calendar feed's address belongs to: the person whose stored hash matches the secret, acting in the
/// membership that is active now; null for any wrong part, the same as an address that never existed.
/// </summary>
public sealed class CalendarSubscribers(ComplianceDbContext db, IClock clock)
{
    public async Task<Actor?> FindAsync(Guid userId, string secret, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.CalendarFeedHash is not { } stored || !SameHash(stored, CalendarFeedSecret.Hash(secret))) return null;
        var member = Member.Acting(await db.Members.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct), clock.GetCurrentInstant());
        return member is null ? null : new Actor(user.Id, user.Email, member.OrganisationId, member.Role, member.IncidentId, member.ExpiresAt);
    }

    private static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
