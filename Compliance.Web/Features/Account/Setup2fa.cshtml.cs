using System.Text;
using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Compliance.Web.Features.Account;

[Authorize]
public sealed class Setup2faModel(UserManager<User> users, SignInManager<User> signIn, SecurityKeyPolicy policy) : PageModel
{
    public const string Issuer = "Breach notification tracker";

    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Two-factor sign-in is on: the key is never shown again; a new one needs the password.</summary>
    public bool AlreadyOn { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public string? Error { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
        if (user.TwoFactorEnabled) AlreadyOn = true;
        else await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// A new authenticator (the phone was lost or replaced): only with the password, so a borrowed session cannot read
    /// a key and mint codes. The old key stops working and every other session ends (the security stamp changes).
    /// </summary>
    public async Task<IActionResult> OnPostRenewAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            AlreadyOn = user.TwoFactorEnabled;
            Error = check.IsLockedOut ? "Too many failed attempts: this account is locked for 15 minutes." : "That password is not right.";
            return Page();
        }
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
        if (user.TwoFactorEnabled)
        {
            AlreadyOn = true;
            return Page();
        }
        var code = Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "That code is not valid; check the time on your device and try the next code.";
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = Group(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        Required = (await policy.RequirementsAsync(user.Id, HttpContext.RequestAborted)).TwoFactorRequired;
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().Trim().ToLowerInvariant();
    }
}
