using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Account;

/// <summary>The second step of signing in for someone with a passkey or security key; a refused key counts towards the lockout.</summary>
public sealed class LoginWithKeyModel(SignInManager<User> signIn, SecurityKeyCeremonies keys, SecondFactorSignIn finish) : SecondFactorPage(signIn)
{
    [BindProperty] public string Credential { get; set; } = "";

    /// <summary>The person also has an authenticator app, which they may use instead (unless their organisation requires a key).</summary>
    public bool HasAuthenticatorApp { get; private set; }

    protected override void Show(User user) => HasAuthenticatorApp = user.TwoFactorEnabled;

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await PendingUserAsync() is not { } user) return Unauthorized();
        var options = await keys.AssertionOptionsAsync(HttpContext, user);
        return options.Value is { } json ? Content(json, "application/json") : BadRequest(new { error = options.Error });
    }

    protected override Task<string?> SignInAsync(User user) =>
        finish.FinishAsync(HttpContext, user, SignInMethods.Key, async () => (await keys.SignInAsync(HttpContext, user, Credential)).Error);
}
