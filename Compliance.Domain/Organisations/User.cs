using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>A person who signs in. Credentials are only ever stored hashed; the TOTP key is stored protected.</summary>
public sealed class User
{
    private User() { Email = ""; NormalizedEmail = ""; DisplayName = ""; SecurityStamp = ""; }

    public User(Guid id, string email, string displayName, Instant createdAt)
    {
        Id = id;
        Email = email;
        NormalizedEmail = email.Trim().ToUpperInvariant();
        DisplayName = displayName;
        SecurityStamp = "";
        RenewSecurityStamp();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public string DisplayName { get; private set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public string? ProtectedAuthenticatorKey { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted: a code of that step or earlier never works again.</summary>
    public long? LastAuthenticatorStep { get; set; }

    /// <summary>Unused recovery codes, each stored as a hash, separated by ';'.</summary>
    public string? RecoveryCodeHashes { get; set; }
    public bool LockoutEnabled { get; set; } = true;

    /// <summary>
    /// Runs this installation: may open the job dashboard, which shows every organisation's jobs. Set only by the
    /// <c>operator grant</c> command on the server, never through the web.
    /// </summary>
    public bool InstanceOperator { get; set; }

    /// <summary>Language of the mails this person receives (a template folder under templates/, e.g. "en", "fr", "zh-Hant").</summary>
    public string Language { get; set; } = "en";

    /// <summary>IANA zone the user reads deadlines in; null means the organisation's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Hash of the secret in the user's iCalendar feed address; null when no feed was issued.</summary>
    public string? CalendarFeedHash { get; set; }
    public int AccessFailedCount { get; set; }
    public Instant? LockoutEnd { get; set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>A new security stamp: every session and link issued under the old one stops working at the next request.</summary>
    public void RenewSecurityStamp() => SecurityStamp = Guid.NewGuid().ToString("N");
}
