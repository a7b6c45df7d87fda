using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Organisations;

/// <summary>An NGO using the tracker. Its establishments, zone and attributes gate which laws apply.</summary>
public sealed class Organisation
{
    private Organisation() { Name = ""; Slug = ""; TimeZone = ""; }

    public Organisation(Guid id, string name, string timeZone, IEnumerable<JurisdictionCode> establishments, IEnumerable<string> attributes, string? slug = null)
    {
        Id = id;
        Name = name;
        Slug = slug ?? Slugify(name);
        TimeZone = timeZone;
        Establishments = establishments.Select(e => e.Value).Distinct().ToList();
        Attributes = attributes.Distinct().ToList();
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Short unique handle used on the command line (<c>user add --org SLUG</c>).</summary>
    public string Slug { get; private set; }

    /// <summary>When true, members must set up two-factor sign-in before they can use the workspace.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>
    /// When true, security leads and admins must sign in with a passkey or security key (see PhishingResistantPolicy);
    /// an authenticator app's code no longer opens the workspace for them.
    /// </summary>
    public bool RequirePhishingResistant { get; set; }

    /// <summary>When to remind people of deadlines, e.g. "half,24h,4h,1h,0h" (see ReminderPolicy).</summary>
    public string ReminderPolicy { get; set; } = Reminders.ReminderPolicy.DefaultText;

    /// <summary>
    /// A fresh value whenever a save changes what this organisation's reminder plan depends on (its members, its duties,
    /// its policy or zone, a member's zone); null once the reminder sweep has re-planned it. Set by
    /// <see cref="Persistence.ComplianceDbContext"/> in the same save as the change, so the sweep re-plans only what
    /// changed instead of every organisation on every pass.
    /// </summary>
    public Guid? ReminderPlanChange { get; set; }

    /// <summary>The task list new incidents start with, as JSON (see Tasks.TaskTemplates); null until edited means the NGO default.</summary>
    public string? TaskTemplates { get; set; }

    /// <summary>
    /// Raised when an admin changes the settings or the task templates: the API's ETag, and a concurrency token so two
    /// admins editing from one version cannot both save.
    /// </summary>
    public int Version { get; private set; } = 1;

    public void MarkChanged() => Version++;

    /// <summary>IANA id of the zone the organisation works in (display and conservative day counting).</summary>
    public string TimeZone { get; private set; }

    /// <summary>Jurisdiction codes where the organisation is established (GDPR one-stop shop, PIPEDA...).</summary>
    public List<string> Establishments { get; private set; } = [];

    /// <summary>Facts that gate a law, e.g. <c>commercial-activity</c>, <c>au-turnover-over-3m</c>.</summary>
    public List<string> Attributes { get; private set; } = [];

    public void Update(string name, string timeZone, IEnumerable<JurisdictionCode> establishments, IEnumerable<string> attributes)
    {
        Name = name;
        TimeZone = timeZone;
        Establishments = establishments.Select(e => e.Value).Distinct().ToList();
        Attributes = attributes.Distinct().ToList();
    }

    public static string Slugify(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 60 ? slug[..60] : slug;
    }
}
