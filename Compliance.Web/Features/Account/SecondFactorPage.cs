using Compliance.Domain.Organisations;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Features.Account;

/// <summary>
/// The second step of signing in, by authenticator code or recovery code: only after a correct password, rate
/// limited like the first step, and locked out the same way.
/// </summary>
[EnableRateLimiting(AppHost.LoginRateLimit)]
public abstract class SecondFactorPage(SignInManager<User> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> manager);
    protected abstract string Rejected { get; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        var result = await SignInAsync(signIn);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut ? "Too many failed attempts: this account is locked for 15 minutes." : Rejected;
        return Page();
    }
}
