using Compliance.Domain.Organisations;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Features.Account;

[EnableRateLimiting(AppHost.LoginRateLimit)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, SignInThrottle throttle, DecoyPassword decoy,
    SecurityKeyCeremonies keys, SecurityKeyPolicy keyPolicy, SecondFactorSignIn finish, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The passkey's answer (JSON) that the page's script fills in.</summary>
    [BindProperty] public string Credential { get; set; } = "";

    /// <summary>Arrived from choosing a password on an invitation's link.</summary>
    [BindProperty(SupportsGet = true)] public bool PasswordSet { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public const string Wrong = "The email or the password is wrong.";
    public const string Locked = SecondFactorSignIn.Locked;

    // Every answer costs one password hash and says the same words whether or not the account exists.
    public async Task<IActionResult> OnPostAsync()
    {
        var email = Email.Trim();
        if (throttle.IsLocked(email))
        {
            decoy.Check(Password);
            Error = Locked;
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            decoy.Check(Password);
            throttle.Failed(email);
            Error = throttle.IsLocked(email) ? Locked : Wrong;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor) throttle.Succeeded(email);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor)
            return RedirectToPage(await keyPolicy.KeysOfAsync(user.Id) > 0 ? "/Account/LoginWithKey" : "/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        if (result.IsLockedOut)
        {
            decoy.Check(Password); // Identity answers a locked account without hashing
            log.LogWarning("Account {UserId} locked after failed sign-ins", user.Id);
            Error = Locked;
            return Page();
        }
        throttle.Failed(email);
        Error = throttle.IsLocked(email) ? Locked : Wrong;
        return Page();
    }

    /// <summary>Starts a passwordless sign-in: the browser lets the person pick one of their passkeys for this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var options = await keys.AssertionOptionsAsync(HttpContext, null);
        return options.Value is { } json ? Content(json, "application/json") : BadRequest(new { error = options.Error });
    }

    /// <summary>
    /// Passwordless: a discoverable passkey that verified its holder (PIN or biometrics) is both factors. A locked
    /// account stays locked.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var result = await keys.SignInAsync(HttpContext, null, Credential);
        if (result.Value is not { } user)
        {
            Error = result.Error;
            return Page();
        }
        Error = await finish.FinishAsync(HttpContext, user, SignInMethods.Key, () => Task.FromResult<string?>(null));
        return Error is null ? LocalRedirect(SafeReturnUrl()) : Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
