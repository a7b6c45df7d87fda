using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// Taking access away, the same from the command line and the pages: revoking an API token, and removing a person
/// from an organisation, which also revokes their tokens there and ends every session they have (a new security
/// stamp), so that someone who left cannot keep working from a browser they forgot to sign out of.
/// </summary>
public sealed class AccessRevocation(ComplianceDbContext db, IClock clock)
{
    public sealed record TokenView(Guid Id, string Name, string Organisation, Instant CreatedAt, Instant? LastUsedAt, Instant? ExpiresAt, Instant? RevokedAt);

    public async Task<IReadOnlyList<TokenView>> TokensOfAsync(Guid userId, CancellationToken ct = default)
    {
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        var orgIds = tokens.Select(t => t.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, names.GetValueOrDefault(t.OrganisationId, "?"), t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
            .ToList();
    }

    /// <param name="ownerId">When given, only a token of this person may be revoked (a person revoking their own).</param>
    /// <returns>False when there is no such token (or it is someone else's).</returns>
    public async Task<bool> RevokeTokenAsync(Guid tokenId, Guid? ownerId, string by, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), ct);
        if (token is null) return false;
        if (token.RevokedAt is not null) return true;
        token.RevokedAt = clock.GetCurrentInstant();
        await new AuditLog(db, clock).AppendAsync(token.OrganisationId, null, by, "token.revoked", new { token.Id, token.Name }, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <returns>How many memberships were removed (0 when the person was not a member).</returns>
    public async Task<int> RemoveMemberAsync(Guid organisationId, Guid userId, string by, CancellationToken ct = default)
    {
        var memberships = await db.Members.Where(m => m.OrganisationId == organisationId && m.UserId == userId).ToListAsync(ct);
        if (memberships.Count == 0) return 0;
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var now = clock.GetCurrentInstant();
        db.Members.RemoveRange(memberships);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.OrganisationId == organisationId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in tokens) token.RevokedAt = now;
        user.RenewSecurityStamp();
        await new AuditLog(db, clock).AppendAsync(organisationId, null, by, "member.removed",
            new { user = user.Email, roles = memberships.Select(m => m.Role.ToString()).ToList(), tokensRevoked = tokens.Count }, ct);
        await db.SaveChangesAsync(ct);
        return memberships.Count;
    }
}
