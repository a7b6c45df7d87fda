using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<User> signIn) : SecondFactorPage(signIn)
{
    [BindProperty] public string Code { get; set; } = "";

    protected override string Rejected => "That code is not valid; codes change every 30 seconds.";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> manager) =>
        manager.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false);
}
