using System.Security.Cryptography;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;

namespace Compliance.Web.Features.Account;

/// <summary>What a person sets for themselves on their account page: the language, the zone times are shown in, a calendar feed address.</summary>
public sealed class AccountPreferences(ComplianceDbContext db)
{
    public static readonly IReadOnlyList<(string Id, string Name)> Languages = [("en", "English"), ("fr", "Français"), ("zh-Hant", "繁體中文")];

    /// <returns>False when the language is not one offered.</returns>
    public async Task<bool> SetLanguageAsync(User user, string? language, CancellationToken ct = default)
    {
        if (Languages.All(l => l.Id != language)) return false;
        user.Language = language!;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Empty means the organisation's zone. Returns the zone kept, or false when it is not an IANA zone.</summary>
    public async Task<(bool Ok, string? Zone)> SetTimeZoneAsync(User user, string? timeZone, CancellationToken ct = default)
    {
        var zone = string.IsNullOrWhiteSpace(timeZone) ? null : NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone)?.Id;
        if (zone is null && !string.IsNullOrWhiteSpace(timeZone)) return (false, null);
        user.TimeZone = zone;
        await db.SaveChangesAsync(ct);
        return (true, zone);
    }

    /// <summary>A new secret for the person's calendar feed (the old address stops working); only its hash is kept.</summary>
    public async Task<string> NewCalendarFeedAsync(User user, CancellationToken ct = default)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        user.CalendarFeedHash = CalendarFeedSecret.Hash(secret);
        await db.SaveChangesAsync(ct);
        return secret;
    }
}

public static class CalendarFeedSecret
{
    public static string Hash(string secret) => Domain.Sha256Text.Of(secret);
}
