using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Pages.Account;

public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn) : SecondFactorPage(signIn)
{
    [BindProperty] public string RecoveryCode { get; set; } = "";

    protected override string Rejected => "That recovery code is not valid or was already used.";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> manager) =>
        manager.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", ""));
}
