using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;
using Compliance.Domain.Organisations;
using System.Security.Claims;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary>
/// The signed-in person as the domain sees them, read fresh from the membership table on every request, so a
/// removed member or an expired responder loses access at once. Also confines the DbContext to their organisation.
/// </summary>
public sealed class CurrentActor(ComplianceDbContext db, Shared.OrganisationFrame organisations, IClock clock)
{
    private bool resolved;
    private Actor? actor;
    private (Guid UserId, Guid OrganisationId, Preloaded Read)? preloaded;

    /// <summary>
    /// Reads what every signed-in request needs in one round trip, for the session check that runs before the page
    /// (<see cref="SessionValidation"/>): the account's security stamp and zone, the membership and the
    /// organisation's frame. Returns the stamp for the session check to compare, or null when the account or the
    /// organisation is not there (the session check then asks Identity, which refuses). <see cref="GetAsync"/> and
    /// the reader's zone need no query of their own afterwards.
    /// </summary>
    public async Task<string?> PreloadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (resolved || preloaded is not null || !Claims(principal, out var userId, out var orgId)) return null;
        return (await ReadAsync(userId, orgId, ct))?.SecurityStamp;
    }

    /// <summary>The zone the person chose for reading times, when <see cref="PreloadAsync"/> read it for this user.</summary>
    public bool TryReaderZone(Guid userId, out string? zone)
    {
        var known = preloaded is { } read && read.UserId == userId;
        zone = known ? preloaded!.Value.Read.ReaderZone : null;
        return known;
    }

    public async Task<Actor?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (resolved) return actor;
        resolved = true;
        if (principal.Identity?.IsAuthenticated != true || !Claims(principal, out var userId, out var orgId)) return null;

        // Read with the session check (PreloadAsync) as a rule; read here when that check did not run for this person.
        var read = preloaded is { } known && known.UserId == userId && known.OrganisationId == orgId ? known.Read : await ReadAsync(userId, orgId, ct);
        var member = read is null ? null : Member.Acting(read.Members, clock.GetCurrentInstant());
        if (member is null) return null;
        db.OrganisationScope = orgId;
        actor = new Actor(userId, principal.FindFirstValue(ComplianceClaims.Email) ?? "", orgId, member.Role, member.IncidentId, member.ExpiresAt);
        return actor;
    }

    private async Task<Preloaded?> ReadAsync(Guid userId, Guid orgId, CancellationToken ct)
    {
        var read = await Preloads.GetOrAdd(db.Model, _ => CompilePreload())(db, userId, orgId, ct);
        if (read is null) return null;   // no such account or organisation
        organisations.Prime(orgId, read.Facts);
        preloaded = (userId, orgId, read);
        return read;
    }

    private sealed record Preloaded(string SecurityStamp, string? ReaderZone, Shared.OrganisationFrame.Facts Facts, List<Member> Members);

    // Compiled once per model: the query runs on every signed-in request, and EF's per-call work (evaluating the
    // closures, looking the query up in its cache) cost as much as the round trip. A compiled query binds to the first
    // model it runs with, and each database provider has its own model (a process may hold two: the tests do).
    private static readonly ConcurrentDictionary<IModel, Func<ComplianceDbContext, Guid, Guid, CancellationToken, Task<Preloaded?>>> Preloads = new();

    private static Func<ComplianceDbContext, Guid, Guid, CancellationToken, Task<Preloaded?>> CompilePreload() =>
        EF.CompileAsyncQuery((ComplianceDbContext db, Guid userId, Guid orgId, CancellationToken ct) =>
            (from u in db.Users.AsNoTracking()
             where u.Id == userId
             from o in db.Organisations.AsNoTracking()
             where o.Id == orgId
             select new Preloaded(u.SecurityStamp, u.TimeZone,
                 new Shared.OrganisationFrame.Facts(o.RequireTwoFactor, o.RequirePhishingResistant, o.TimeZone,
                     db.AuditHeads.Where(h => h.OrganisationId == o.Id).Select(h => (long?)h.LastSequence).FirstOrDefault() ?? 0),
                 db.Members.Where(m => m.UserId == u.Id && m.OrganisationId == o.Id).ToList())).SingleOrDefault());

    private static bool Claims(ClaimsPrincipal principal, out Guid userId, out Guid organisationId)
    {
        organisationId = Guid.Empty;
        return Guid.TryParse(principal.FindFirstValue(ComplianceClaims.UserId), out userId)
            && Guid.TryParse(principal.FindFirstValue(ComplianceClaims.OrganisationId), out organisationId);
    }
}
