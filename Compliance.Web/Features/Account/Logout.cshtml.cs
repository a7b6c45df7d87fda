using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Features.Account;

public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public void OnGet() { }

    /// <summary>Renews the security stamp first: a copy of this session's cookie, wherever it is, stops working too.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Page();
    }
}
