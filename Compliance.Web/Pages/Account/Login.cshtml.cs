using Compliance.Domain.Organisations;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Pages.Account;

[EnableRateLimiting(AppHost.LoginRateLimit)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            Error = "The email or the password is wrong.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        if (result.IsLockedOut)
        {
            log.LogWarning("Account {UserId} locked after failed sign-ins", user.Id);
            Error = "Too many failed attempts: this account is locked for 15 minutes.";
            return Page();
        }
        Error = "The email or the password is wrong.";
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
