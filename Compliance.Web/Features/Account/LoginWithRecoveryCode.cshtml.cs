using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Account;

public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn) : SecondFactorPage(signIn)
{
    [BindProperty] public string RecoveryCode { get; set; } = "";

    protected override string Rejected => "That recovery code is not valid or was already used.";

    /// <summary>
    /// The session is marked as signed in with a recovery code: where the organisation requires a passkey or security
    /// key, it may register a new key and do nothing else.
    /// </summary>
    protected override async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> manager)
    {
        var user = await manager.GetTwoFactorAuthenticationUserAsync();
        var result = await manager.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", ""));
        if (result.Succeeded && user is not null) await SignInMethods.SignInAsync(manager, user, SignInMethods.Recovery);
        return result;
    }
}
