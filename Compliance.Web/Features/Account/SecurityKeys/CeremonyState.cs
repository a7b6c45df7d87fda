using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>
/// The options (above all the random challenge) of a WebAuthn ceremony in progress, between the request that starts
/// it and the one that finishes it: in a short-lived cookie, encrypted and authenticated with Data Protection, bound
/// to the kind of ceremony and the person, valid for five minutes of the app's clock. Any web node can finish it.
/// </summary>
public sealed class CeremonyState(IDataProtectionProvider protection, IClock clock)
{
    public const string CookieName = "compliance.webauthn";
    private static readonly Duration Lifetime = Duration.FromMinutes(5);
    private readonly IDataProtector protector = protection.CreateProtector("Compliance.Accounts.WebAuthnCeremony");

    private sealed record Payload(string Kind, Guid? User, long ExpiresAt, string Options);

    public void Start(HttpContext http, string kind, Guid? user, string optionsJson)
    {
        var expires = clock.GetCurrentInstant() + Lifetime;
        var value = protector.Protect(JsonSerializer.Serialize(new Payload(kind, user, expires.ToUnixTimeSeconds(), optionsJson)));
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/Account",
            MaxAge = Lifetime.ToTimeSpan(),
        });
    }

    /// <summary>The options of the ceremony of this kind for this person, once: the cookie is cleared.</summary>
    public string? Finish(HttpContext http, string kind, Guid? user)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/Account" });
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(value));
            if (payload is null || payload.Kind != kind || payload.User != user) return null;
            if (Instant.FromUnixTimeSeconds(payload.ExpiresAt) < clock.GetCurrentInstant()) return null;
            return payload.Options;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }
}
