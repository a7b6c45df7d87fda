using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Features.Account;

[Authorize]
public sealed class SecurityModel(UserManager<User> users, SecurityKeyPolicy keys, AccountPreferences preferences, AccessRevocation access) : PageModel
{
    public IReadOnlyList<AccessRevocation.TokenView> Tokens { get; private set; } = [];
    [BindProperty] public Guid TokenId { get; set; }

    public string Show(NodaTime.Instant at) => NodaTime.Text.InstantPattern.General.Format(at);

    /// <summary>A person revokes one of their own tokens (a lost laptop, a script retired).</summary>
    public async Task<IActionResult> OnPostRevokeTokenAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
        if (!await access.RevokeTokenAsync(TokenId, user.Id, user.Email)) return NotFound();
        await LoadAsync();
        return Page();
    }

    public bool TwoFactorEnabled { get; private set; }
    public int SecurityKeys { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public bool HasFeed { get; private set; }
    public string? NewFeedUrl { get; private set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public string? Language { get; set; }
    public bool LanguageSaved { get; private set; }

    public static IReadOnlyList<(string Id, string Name)> Languages => AccountPreferences.Languages;

    public async Task<IActionResult> OnPostLanguageAsync()
    {
        var user = await LoadAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!await preferences.SetLanguageAsync(user, Language, HttpContext.RequestAborted)) return BadRequest();
        LanguageSaved = true;
        return Page();
    }
    public bool ZoneSaved { get; private set; }

    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        var user = await LoadAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var (ok, zone) = await preferences.SetTimeZoneAsync(user, TimeZone, HttpContext.RequestAborted);
        if (!ok) return BadRequest();
        TimeZone = zone;
        ZoneSaved = true;
        return Page();
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!user.TwoFactorEnabled && SecurityKeys == 0) return Page();
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        RecoveryCodesLeft = 10;
        return Page();
    }

    public async Task<IActionResult> OnPostCalendarFeedAsync()
    {
        var user = await LoadAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var secret = await preferences.NewCalendarFeedAsync(user, HttpContext.RequestAborted);
        HasFeed = true;
        NewFeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/{user.Id:N}/{secret}.ics";
        return Page();
    }

    private async Task<User?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        TwoFactorEnabled = user.TwoFactorEnabled;
        SecurityKeys = await keys.KeysOfAsync(user.Id);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        HasFeed = user.CalendarFeedHash is not null;
        TimeZone ??= user.TimeZone;
        Tokens = await access.TokensOfAsync(user.Id);
        Language ??= user.Language;
        return user;
    }
}
