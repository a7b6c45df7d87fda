using Compliance.Domain;
using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary>
/// A person's passkeys and security keys: add one (named), list them, remove one with the password. Each change is
/// audited in every organisation the person works in and ends their other sessions (a new security stamp).
/// </summary>
[Authorize]
public sealed class PasskeysModel(UserManager<User> users, SignInManager<User> signIn, UserSecurityKeys keys, CurrentActor current,
    SecurityKeyCeremonies ceremonies, SecurityKeyPolicy policy, Compliance.Jobs.Hosting.AppConfiguration settings) : PageModel
{
    public sealed record KeyRow(Guid Id, string Nickname, string Transports, Instant CreatedAt, Instant? LastUsedAt);

    [BindProperty] public string Nickname { get; set; } = "";
    [BindProperty] public string Credential { get; set; } = "";
    [BindProperty] public Guid KeyId { get; set; }
    [BindProperty] public string Password { get; set; } = "";

    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];
    public PhishingResistantPolicy.Standing Standing { get; private set; }
    public bool MayChange { get; private set; }
    public string? Unavailable { get; private set; }
    public string? Error { get; private set; }
    public string? Added { get; private set; }
    public string? Removed { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string Show(Instant at) => NodaTime.Text.InstantPattern.General.Format(at);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Unauthorized();
        if (!MayChange) return StatusCode(StatusCodes.Status403Forbidden, new { error = ChangeRefused });
        var options = await ceremonies.RegistrationOptionsAsync(HttpContext, user);
        return options.Value is { } json ? Content(json, "application/json") : BadRequest(new { error = options.Error });
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        var user = await LoadAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!MayChange) { Error = ChangeRefused; return Page(); }
        var nickname = Nickname.Trim();
        if (nickname.Length == 0) { Error = "Name the key (for example \"YubiKey on my keyring\" or \"this laptop\"), so you can tell your keys apart."; return Page(); }
        if (PlainText.Problem(nickname, SecurityKey.NicknameLength) is { } problem) { Error = "The key's name " + problem; return Page(); }
        var result = await ceremonies.RegisterAsync(HttpContext, user, nickname, Credential);
        if (result.Value is not { } key) { Error = result.Error; return Page(); }

        // Someone whose first second factor is a key gets recovery codes now, for the day the key is lost. The key, its
        // audit lines, the new stamp and the codes are saved together (Identity saves the codes with everything pending).
        var issueCodes = await users.CountRecoveryCodesAsync(user) == 0;
        user.RenewSecurityStamp();
        await ceremonies.AuditAsync(user.Id, user.Email, "security-key.registered",
            new { key = key.Nickname, keyId = key.Id, transports = key.TransportList, aaguid = key.AaGuid, recoveryCodesIssued = issueCodes });
        if (issueCodes) NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        else await keys.SaveRegisteredAsync(HttpContext.RequestAborted);
        await SignInMethods.RenewAfterRegistrationAsync(signIn, user, User);
        Added = key.Nickname;
        await LoadAsync(user);
        MayChange = true; // this session now counts as signed in with a key
        Standing = PhishingResistantPolicy.Standing.Satisfied;
        return Page();
    }

    /// <summary>Only with the password (re-authentication), and never the last factor an organisation requires.</summary>
    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var user = await LoadAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!MayChange) { Error = ChangeRefused; return Page(); }
        var key = await keys.FindAsync(user.Id, KeyId, HttpContext.RequestAborted);
        if (key is null) return NotFound();
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            Error = check.IsLockedOut ? LoginModel.Locked : "That password is not right: removing a key needs your password.";
            return Page();
        }
        var (keyRequired, twoFactorRequired) = await policy.RequirementsAsync(user.Id);
        if (PhishingResistantPolicy.RefuseRemoval(Keys.Count - 1, user.TwoFactorEnabled, keyRequired, twoFactorRequired) is { } refusal)
        {
            Error = refusal;
            return Page();
        }
        await keys.RemoveAsync(user, key, Keys.Count - 1, ceremonies, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        Removed = key.Nickname;
        await LoadAsync(user);
        return Page();
    }

    private const string ChangeRefused =
        "To add or remove keys, sign in with one of your keys (or, if you lost them, with a recovery code): a password and an app code could have been phished.";

    private async Task<User?> LoadAsync(User? known = null)
    {
        var user = known ?? await users.GetUserAsync(User);
        if (user is null) return null;
        Keys = (await keys.ListAsync(user.Id, HttpContext.RequestAborted))
            .Select(k => new KeyRow(k.Id, k.Nickname, string.Join(", ", k.TransportList), k.CreatedAt, k.LastUsedAt)).ToList();
        MayChange = PhishingResistantPolicy.MayChangeKeys(Keys.Count, SignInMethods.Of(User));
        Standing = await current.GetAsync(User) is { } actor ? await policy.StandingAsync(actor, User) : PhishingResistantPolicy.Standing.Satisfied;
        Unavailable = RelyingParty.For(settings.BaseUrl, Request) is null ? RelyingParty.Unavailable : null;
        return user;
    }
}
