using System.Security.Claims;
using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;

namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>
/// How the session was signed in, kept on the session cookie. Identity marks any second factor with amr=mfa (the
/// operator gate reads it); we add which one, in the authentication-method claim, which Identity keeps when it
/// refreshes the cookie after a change of security stamp.
/// </summary>
public static class SignInMethods
{
    public const string Key = "security-key";
    public const string Recovery = "recovery-code";
    private const string Amr = "amr", MultiFactor = "mfa";

    public static SignInMethod Of(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.AuthenticationMethod) switch
    {
        Key => SignInMethod.SecurityKey,
        Recovery => SignInMethod.RecoveryCode,
        _ => principal.HasClaim(Amr, MultiFactor) ? SignInMethod.AuthenticatorApp : SignInMethod.Password,
    };

    /// <summary>Signed in with a second factor (a key after the password, a passwordless passkey, a recovery code).</summary>
    public static Task SignInAsync(SignInManager<User> signIn, User user, string method) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Amr, MultiFactor), new Claim(ClaimTypes.AuthenticationMethod, method)]);

    /// <summary>
    /// The session that has just registered a key counts as signed in with one (it has just proved it holds it, with
    /// user verification); whether it counts as multi-factor stays as it was.
    /// </summary>
    public static Task RenewAfterRegistrationAsync(SignInManager<User> signIn, User user, ClaimsPrincipal current)
    {
        List<Claim> claims = [new Claim(ClaimTypes.AuthenticationMethod, Key)];
        if (current.HasClaim(Amr, MultiFactor)) claims.Add(new Claim(Amr, MultiFactor));
        return signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }
}
