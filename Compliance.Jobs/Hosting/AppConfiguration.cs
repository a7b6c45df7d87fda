using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;
using Compliance.Jobs.People;
using Microsoft.Extensions.Configuration;
using Compliance.Jobs.Scheduling;
using Compliance.Jobs.Webhooks;

namespace Compliance.Jobs.Hosting;

/// <summary>The settings every command reads, validated once; a bad value is one sentence, not a stack trace.</summary>
public sealed record AppConfiguration(DatabaseOptions Database, SchedulerOptions Scheduler, bool MigrateOnStart)
{
    public MailOptions Mail { get; init; } = null!;

    /// <summary>The address people use to reach the app, for links in mails (<c>App:BaseUrl</c>); null: where the web app listens.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How often the reminder sweep runs (<c>Reminders:SweepSeconds</c>).</summary>
    public int SweepSeconds { get; init; } = 30;

    /// <summary>Where local state lives beside a SQLite database (data protection keys, mail pickup): its folder, else ./data.</summary>
    public string DataFolder => Database.Provider == DatabaseProvider.Sqlite
        && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.ConnectionString).DataSource is { Length: > 0 } file && file != ":memory:"
        ? Path.GetDirectoryName(Path.GetFullPath(file))!
        : Path.GetFullPath("data");

    /// <summary>The Data Protection key ring (<c>DataProtection:*</c>: keys/ in the data folder unless set), shared by the app and its workers.</summary>
    public KeyRingOptions KeyRing { get; init; } = null!;

    /// <summary>The audit key and checkpoints, outside the database (<c>Audit:*</c>).</summary>
    public AuditOptions Audit { get; init; } = null!;

    /// <summary>How long an uploaded list of people waits for its import before the clean-up job deletes it (<c>Uploads:ExpiryHours</c>).</summary>
    public int UploadExpiryHours { get; init; } = 24;

    /// <summary>How notice campaigns send (<c>Notices:*</c>).</summary>
    public CampaignOptions Campaigns { get; init; } = CampaignOptions.Default;

    /// <summary>Where and how webhooks are delivered (<c>Webhooks:*</c>).</summary>
    public WebhookOptions Webhooks { get; init; } = WebhookOptions.Default;

    public static AppConfiguration From(IConfiguration config)
    {
        var database = DatabaseOptions.From(config["Database:Provider"], config.GetConnectionString("Compliance"));
        var scheduler = SchedulerOptions.For(database, config["Scheduler:ConnectionString"], Settings.Bool(config, "Scheduler:Enabled", true)) with
        {
            LeaseSeconds = Settings.Int(config, "Scheduler:LeaseSeconds", 60, 3, 3600),
            Workers = Settings.Int(config, "Scheduler:Workers", 4, 1, 64),
        };
        var partial = new AppConfiguration(database, scheduler, Settings.Bool(config, "Database:MigrateOnStart", true));
        var mail = MailOptions.Read(config, partial.DataFolder);
        Uri? baseUrl = null;
        if (config["App:BaseUrl"] is { Length: > 0 } text
            && (!Uri.TryCreate(text, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
            throw new ConfigurationProblem($"App:BaseUrl '{text}' is not an absolute http(s) URL such as 'https://breach.example.org'.");
        var sweep = Settings.Int(config, "Reminders:SweepSeconds", 30, 1, 3600);
        var keyRing = KeyRingOptions.Read(config, partial.DataFolder);
        var audit = AuditOptions.Read(config, keyRing.Folder);
        return partial with
        {
            Database = database with { AuditSeal = audit.Seal },
            Mail = mail, BaseUrl = baseUrl, SweepSeconds = sweep,
            KeyRing = keyRing, Audit = audit,
            UploadExpiryHours = Settings.Int(config, "Uploads:ExpiryHours", 24, 1, 24 * 30),
            Campaigns = CampaignOptions.Read(config),
            Webhooks = WebhookOptions.Read(config),
        };
    }
}
