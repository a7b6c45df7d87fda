using Compliance.Domain.Organisations;
using Compliance.Web.Commands;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Features.Account;

/// <summary>
/// Choosing a password from an invitation's link. The link carries Identity's one-time token: it works once (the
/// security stamp changes when the password is set) and for a limited time.
/// </summary>
[EnableRateLimiting(AppHost.LoginRateLimit)]
public sealed class SetPasswordModel(UserManager<User> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? Account { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = Guid.TryParseExact(Account, "N", out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (Password.Length < AccountCommands.MinimumPasswordLength) { Error = $"Choose a password of at least {AccountCommands.MinimumPasswordLength} characters."; return Page(); }
        if (Password != Confirm) { Error = "The two passwords differ; type the same one twice."; return Page(); }
        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, Token ?? "", Password);
        if (!result.Succeeded)
        {
            Error = result.Errors.Any(e => e.Code == "InvalidToken") || user is null
                ? "This link has expired or was already used. Ask your organisation's admin for a new invitation."
                : string.Join(" ", result.Errors.Select(e => e.Description));
            return Page();
        }
        return RedirectToPage("/Account/Login", new { passwordSet = true });
    }
}
