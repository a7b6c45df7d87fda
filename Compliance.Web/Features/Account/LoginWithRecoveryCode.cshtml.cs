using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Account;

/// <summary>
/// The session is marked as signed in with a recovery code: where the organisation requires a passkey or security
/// key, it may register a new key and do nothing else.
/// </summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn, UserManager<User> users, SecondFactorSignIn finish) : SecondFactorPage(signIn)
{
    [BindProperty] public string RecoveryCode { get; set; } = "";

    protected override Task<string?> SignInAsync(User user) =>
        finish.FinishAsync(HttpContext, user, SignInMethods.Recovery, async () =>
            (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCode.Replace(" ", ""))).Succeeded
                ? null : "That recovery code is not valid or was already used.");
}
