using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Account;

public sealed class LoginWith2faModel(SignInManager<User> signIn) : SecondFactorPage(signIn)
{
    [BindProperty] public string Code { get; set; } = "";

    protected override string Rejected => "That code is not valid; codes change every 30 seconds.";

    // Someone whose second factor is a key has no confirmed authenticator app: no code signs them in.
    protected override async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> manager) =>
        await manager.GetTwoFactorAuthenticationUserAsync() is { TwoFactorEnabled: true }
            ? await manager.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
}
