using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>A person's own passkeys and security keys, for the page where they add and remove them.</summary>
public sealed class UserSecurityKeys(ComplianceDbContext db)
{
    public async Task<IReadOnlyList<SecurityKey>> ListAsync(Guid userId, CancellationToken ct = default) =>
        (await db.SecurityKeys.AsNoTracking().Where(k => k.UserId == userId).ToListAsync(ct)).OrderBy(k => k.CreatedAt).ToList();

    public Task<SecurityKey?> FindAsync(Guid userId, Guid keyId, CancellationToken ct = default) =>
        db.SecurityKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, ct);

    /// <summary>Saves a key just registered (<see cref="SecurityKeyCeremonies.RegisterAsync"/>) with its audit lines and its owner's new stamp.</summary>
    public Task SaveRegisteredAsync(CancellationToken ct = default) => db.SaveChangesAsync(ct);

    /// <summary>Removes the key, ends its owner's other sessions (a new stamp) and audits it, in one save.</summary>
    public async Task RemoveAsync(User owner, SecurityKey key, int keysLeft, SecurityKeyCeremonies ceremonies, CancellationToken ct = default)
    {
        db.SecurityKeys.Remove(key);
        owner.RenewSecurityStamp();
        await ceremonies.AuditAsync(owner.Id, owner.Email, "security-key.removed", new { key = key.Nickname, keyId = key.Id, keysLeft });
        await db.SaveChangesAsync(ct);
    }
}
