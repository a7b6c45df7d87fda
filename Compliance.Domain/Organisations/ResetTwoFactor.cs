using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// A lost phone or key: two-factor sign-in is turned off (the authenticator app, the recovery codes and every
/// passkey or security key) and every session ends; the person sets it up again.
/// </summary>
public sealed class ResetTwoFactor(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(Guid UserId);

    public async Task<Outcome<int>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<int>.Forbidden();
        var userId = request.UserId;
        if (!await db.Members.AnyAsync(m => m.OrganisationId == actor.OrganisationId && m.UserId == userId, ct)) return Outcome<int>.NotFound();
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.TwoFactorEnabled = false;
        user.ProtectedAuthenticatorKey = null;
        user.RecoveryCodeHashes = null;
        var keys = await db.SecurityKeys.Where(k => k.UserId == userId).ToListAsync(ct);
        db.SecurityKeys.RemoveRange(keys);
        user.RenewSecurityStamp();
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "member.2fa-reset", new { user = user.Email, keysRemoved = keys.Count }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(keys.Count);
    }
}
