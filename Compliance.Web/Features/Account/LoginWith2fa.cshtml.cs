using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Account;

public sealed class LoginWith2faModel(SignInManager<User> signIn) : SecondFactorPage(signIn)
{
    [BindProperty] public string Code { get; set; } = "";

    // Someone whose second factor is a key has no confirmed authenticator app: no code signs them in. Identity
    // counts a wrong code towards the lockout itself.
    protected override async Task<string?> SignInAsync(User user)
    {
        if (!user.TwoFactorEnabled) return Rejected;
        var result = await SignInManager.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false);
        return result.Succeeded ? null : result.IsLockedOut ? SecondFactorSignIn.Locked : Rejected;
    }

    private const string Rejected = "That code is not valid; codes change every 30 seconds.";
}
