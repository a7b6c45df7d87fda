using System.Text;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Compliance.Web.Pages.Account;

[Authorize]
public sealed class Setup2faModel(UserManager<User> users, SignInManager<User> signIn, ComplianceDbContext db) : PageModel
{
    public const string Issuer = "Breach notification tracker";

    [BindProperty] public string Code { get; set; } = "";
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public string? Error { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
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
        var orgIds = await db.Members.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync();
        Required = await db.Organisations.AnyAsync(o => orgIds.Contains(o.Id) && o.RequireTwoFactor);
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().Trim().ToLowerInvariant();
    }
}
