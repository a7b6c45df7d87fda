using Compliance.Domain.Organisations;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Features.Account;

/// <summary>
/// The second step of signing in, by authenticator code, key or recovery code: only after a correct password (the
/// two-factor cookie names the person), rate limited like the first step, and locked out the same way.
/// </summary>
[EnableRateLimiting(AppHost.LoginRateLimit)]
public abstract class SecondFactorPage(SignInManager<User> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    protected SignInManager<User> SignInManager { get; } = signIn;

    /// <summary>Signs the person in; returns why not, or null when signed in.</summary>
    protected abstract Task<string?> SignInAsync(User user);

    /// <summary>What the page shows of the person before they prove it is them.</summary>
    protected virtual void Show(User user) { }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingUserAsync() is not { } user) return RedirectToPage("/Account/Login");
        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingUserAsync() is not { } user) return RedirectToPage("/Account/Login");
        Show(user);
        Error = await SignInAsync(user);
        return Error is null ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/") : Page();
    }

    protected Task<User?> PendingUserAsync() => SignInManager.GetTwoFactorAuthenticationUserAsync();
}
