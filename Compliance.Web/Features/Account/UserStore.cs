using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary>
/// ASP.NET Core Identity's user store on our DbContext (the Identity EF package is not available here).
/// The authenticator key is kept protected with Data Protection; recovery codes only as SHA-256 hashes.
/// </summary>
public sealed class UserStore(ComplianceDbContext db, IDataProtectionProvider protection) :
    IUserPasswordStore<User>, IUserEmailStore<User>, IUserSecurityStampStore<User>, IUserLockoutStore<User>,
    IUserTwoFactorStore<User>, IUserAuthenticatorKeyStore<User>, IUserTwoFactorRecoveryCodeStore<User>
{
    private readonly IDataProtector keys = protection.CreateProtector("Compliance.Accounts.AuthenticatorKey");

    public void Dispose() { }

    public Task<string> GetUserIdAsync(User user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task SetUserNameAsync(User user, string? userName, CancellationToken ct) => Task.CompletedTask;
    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(User user, CancellationToken ct)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken ct)
    {
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<User?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id) ? await db.Users.FindAsync([id], ct) : null; // the session check already loaded it: no second query

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedUserName, ct);

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken ct) { user.PasswordHash = passwordHash; return Task.CompletedTask; }
    public Task<string?> GetPasswordHashAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(User user, string? email, CancellationToken ct) => Task.CompletedTask;
    public Task<string?> GetEmailAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task<bool> GetEmailConfirmedAsync(User user, CancellationToken ct) => Task.FromResult(true);
    public Task SetEmailConfirmedAsync(User user, bool confirmed, CancellationToken ct) => Task.CompletedTask;
    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) => FindByNameAsync(normalizedEmail, ct);
    public Task<string?> GetNormalizedEmailAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(User user, string? normalizedEmail, CancellationToken ct) => Task.CompletedTask;

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken ct) { user.SecurityStamp = stamp; return Task.CompletedTask; }
    public Task<string?> GetSecurityStampAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken ct) =>
        Task.FromResult(user.LockoutEnd?.ToDateTimeOffset());
    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockoutEnd = lockoutEnd is { } end ? Instant.FromDateTimeOffset(end) : null;
        return Task.CompletedTask;
    }
    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(User user, CancellationToken ct) { user.AccessFailedCount = 0; return Task.CompletedTask; }
    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken ct) { user.LockoutEnabled = enabled; return Task.CompletedTask; }

    public Task SetTwoFactorEnabledAsync(User user, bool enabled, CancellationToken ct) { user.TwoFactorEnabled = enabled; return Task.CompletedTask; }
    /// <summary>
    /// A second factor is on when the authenticator app is (<see cref="User.TwoFactorEnabled"/>) or a passkey or
    /// security key is registered: either way the password alone does not sign in.
    /// </summary>
    public async Task<bool> GetTwoFactorEnabledAsync(User user, CancellationToken ct) =>
        user.TwoFactorEnabled || await db.SecurityKeys.AnyAsync(k => k.UserId == user.Id, ct);

    public Task SetAuthenticatorKeyAsync(User user, string key, CancellationToken ct)
    {
        user.ProtectedAuthenticatorKey = keys.Protect(key);
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(User user, CancellationToken ct) =>
        Task.FromResult(user.ProtectedAuthenticatorKey is { } p ? keys.Unprotect(p) : null);

    public Task ReplaceCodesAsync(User user, IEnumerable<string> recoveryCodes, CancellationToken ct)
    {
        user.RecoveryCodeHashes = string.Join(';', recoveryCodes.Select(Hash));
        return Task.CompletedTask;
    }

    public Task<bool> RedeemCodeAsync(User user, string code, CancellationToken ct)
    {
        var hashes = (user.RecoveryCodeHashes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hash = Hash(code);
        var match = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash)));
        if (match < 0) return Task.FromResult(false);
        hashes.RemoveAt(match);
        user.RecoveryCodeHashes = string.Join(';', hashes);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(User user, CancellationToken ct) =>
        Task.FromResult((user.RecoveryCodeHashes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length);

    private static string Hash(string code) =>
        Domain.Sha256Text.Of(code.Trim().Replace("-", "").ToUpperInvariant());
}
