using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Compliance.Web.Features.Account;

/// <summary>
/// Finishes a sign-in by key or recovery code, once and the same way for each: a locked account stays locked, a
/// refused proof counts towards the lockout, an accepted one resets the count, and the session is signed in once,
/// marked with how (the operator gate and the key rule read it).
/// </summary>
public sealed class SecondFactorSignIn(SignInManager<User> signIn, UserManager<User> users, ComplianceDbContext db)
{
    public const string Locked = "Too many failed attempts: this account is locked for 15 minutes.";

    /// <summary>Returns why not, or null once signed in. <paramref name="prove"/> answers why the proof was refused, or null.</summary>
    public async Task<string?> FinishAsync(HttpContext http, User user, string method, Func<Task<string?>> prove)
    {
        if (await users.IsLockedOutAsync(user)) return Locked;
        if (await prove() is { } refused)
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? Locked : refused;
        }
        await users.ResetAccessFailedCountAsync(user);
        await db.SaveChangesAsync(http.RequestAborted); // the key's signature counter and last use
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInMethods.SignInAsync(signIn, user, method);
        return null;
    }
}
