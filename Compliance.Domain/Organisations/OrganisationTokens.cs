using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// The API tokens of one organisation as its members see them (never a secret): a person sees and revokes their own,
/// an admin everyone's. Revoking goes through <see cref="AccessRevocation"/>, so a revoked token is refused at once.
/// </summary>
public sealed class OrganisationTokens(ComplianceDbContext db, IClock clock)
{
    public sealed record View(Guid Id, Guid UserId, string Email, string Name, Instant CreatedAt, Instant? ExpiresAt, Instant? LastUsedAt, Instant? RevokedAt);

    public async Task<Outcome<IReadOnlyList<View>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var everyone = Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant());
        var views = await (from t in db.ApiTokens.AsNoTracking()
                           join u in db.Users on t.UserId equals u.Id
                           where t.OrganisationId == actor.OrganisationId && (everyone || t.UserId == actor.UserId)
                           select new View(t.Id, t.UserId, u.Email, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
        return Outcome<IReadOnlyList<View>>.Ok(views);
    }

    /// <summary>Someone else's token is refused unless the actor is an admin; another organisation's is not found.</summary>
    public async Task<Outcome<Guid>> RevokeAsync(Actor actor, Guid tokenId, CancellationToken ct = default)
    {
        var owner = await db.ApiTokens.AsNoTracking().Where(t => t.Id == tokenId && t.OrganisationId == actor.OrganisationId)
            .Select(t => (Guid?)t.UserId).SingleOrDefaultAsync(ct);
        if (owner is null) return Outcome<Guid>.NotFound();
        if (owner != actor.UserId && !Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<Guid>.Forbidden();
        await new AccessRevocation(db, clock).RevokeTokenAsync(tokenId, ownerId: null, actor.Email, ct);
        return Outcome<Guid>.Ok(tokenId);
    }
}
