using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Features.Account;

/// <summary>
/// The second step of signing in for someone with a passkey or security key: only after a correct password (the
/// two-factor cookie names them), rate limited like the first step; a refused key counts towards the lockout.
/// </summary>
[EnableRateLimiting(AppHost.LoginRateLimit)]
public sealed class LoginWithKeyModel(SignInManager<User> signIn, UserManager<User> users, SecurityKeyCeremonies keys, ComplianceDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string Credential { get; set; } = "";
    public string? Error { get; private set; }

    /// <summary>The person also has an authenticator app, which they may use instead (unless their organisation requires a key).</summary>
    public bool HasAuthenticatorApp { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Account/Login");
        HasAuthenticatorApp = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return Unauthorized();
        var options = await keys.AssertionOptionsAsync(HttpContext, user);
        return options.Value is { } json ? Content(json, "application/json") : BadRequest(new { error = options.Error });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Account/Login");
        HasAuthenticatorApp = user.TwoFactorEnabled;
        if (await users.IsLockedOutAsync(user))
        {
            Error = LoginModel.Locked;
            return Page();
        }
        var result = await keys.SignInAsync(HttpContext, user, Credential);
        if (result.Value is null)
        {
            await users.AccessFailedAsync(user);
            Error = await users.IsLockedOutAsync(user) ? LoginModel.Locked : result.Error;
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await db.SaveChangesAsync();
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInMethods.SignInAsync(signIn, user, SignInMethods.Key);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
