using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

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
        // The account, the membership and the organisation's frame in one round trip: the stamp check below finds the
        // account tracked, and the page's actor needs no query of its own.
        if (context.Principal is { } signedIn)
            await context.HttpContext.RequestServices.GetRequiredService<CurrentActor>().PreloadAsync(signedIn, context.HttpContext.RequestAborted);
        if (context.Principal is { } principal && await signIn.ValidateSecurityStampAsync(principal) is not null) return;
        context.RejectPrincipal();
        await signIn.SignOutAsync();
    }
}
