using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Features.Account;

/// <summary>
/// Checks the session's security stamp against the account on every request. Identity's own validator checks only
/// once an interval has passed since the cookie was issued (whole seconds, by the app's clock), so a copied cookie
/// could outlive a sign-out for that long; here signing out, a new authenticator or a 2FA change ends every copy of
/// the session with the next request.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<User>>();
        if (context.Principal is { } principal && await StampHoldsAsync(context.HttpContext, signIn, principal)) return;
        context.RejectPrincipal();
        await signIn.SignOutAsync();
    }

    // The account's stamp, the membership and the organisation's frame in one round trip; the page's actor and the
    // reader's zone need no query of their own. The stamp is compared as Identity's own check compares it
    // (SignInManager.ValidateSecurityStampAsync: the claim equals the account's stamp); without a preloaded stamp (no
    // such account or organisation), Identity's check runs and refuses.
    private static async Task<bool> StampHoldsAsync(HttpContext http, SignInManager<User> signIn, ClaimsPrincipal principal)
    {
        var services = http.RequestServices;
        var stamp = await services.GetRequiredService<CurrentActor>().PreloadAsync(principal, http.RequestAborted);
        if (stamp is null) return await signIn.ValidateSecurityStampAsync(principal) is not null;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return string.Equals(principal.FindFirstValue(stampClaim), stamp, StringComparison.Ordinal);
    }
}
