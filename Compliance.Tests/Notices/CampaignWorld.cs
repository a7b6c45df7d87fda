using Compliance.Domain.Incidents;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Jobs.Notices;
using Compliance.Jobs.Scheduling;
using Compliance.Jobs.People;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Tests.Notices;

/// <summary>
/// The demo organisation with people imported into its Hong Kong incident, a notice written, and the campaign
/// service and sender wired as the app wires them, on a key ring in a folder (so a worker process can share it).
/// </summary>
internal sealed class CampaignWorld
{
    public static readonly Actor Legal = new(Guid.NewGuid(), "legal@demo.example", DemoSeeder.OrganisationId, Role.Legal);
    public static readonly Actor Lead = new(Guid.NewGuid(), "lead@demo.example", DemoSeeder.OrganisationId, Role.SecurityLead);
    public const string From = "notices@amnesty-demo.example";

    public static readonly IReadOnlyDictionary<string, string> Draft = new Dictionary<string, string>
    {
        ["nature"] = "An intruder copied our supporter database.",
        ["period"] = "From 2019-03-01 to 2019-04-15.",
        ["consequences"] = "Your details could be used to target you.",
        ["measures"] = "We removed the intruder and reset every credential.",
        ["advice"] = "Be wary of messages that claim to come from us.",
        ["contact"] = "privacy@amnesty-demo.example",
    };

    /// <summary>The same notice for the Chinese-reading supporters.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseDraft = new Dictionary<string, string>
    {
        ["nature"] = "入侵者複製了我們的支持者資料庫。",
        ["period"] = "由 2019-03-01 至 2019-04-15。",
        ["consequences"] = "您的資料可能被用來針對您。",
        ["measures"] = "我們已清除入侵者，並重設所有登入憑證。",
        ["advice"] = "請小心自稱來自我們的訊息。",
        ["contact"] = "privacy@amnesty-demo.example",
    };

    private CampaignWorld(DatabaseOptions db, string keysFolder, IPeopleDataProtector protector, Guid incident, IClock clock)
    {
        Db = db;
        KeysFolder = keysFolder;
        Protector = protector;
        Incident = incident;
        Clock = clock;
    }

    public DatabaseOptions Db { get; }
    public string KeysFolder { get; }
    public IPeopleDataProtector Protector { get; }
    public Guid Incident { get; }
    public IClock Clock { get; }

    public static async Task<CampaignWorld> CreateAsync(DatabaseProvider provider, string csv, IClock? clock = null)
    {
        clock ??= SystemClock.Instance;
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var keys = Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}");
        var protector = PeopleDataProtection.Open(keys);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        await DemoSeeder.SeedAsync(ctx, clock);
        var incident = await ctx.Incidents.Where(i => i.Reference == "INC-2019-001").Select(i => i.Id).SingleAsync();
        var imported = await new ImportPeople(ctx, protector, clock).HandleAsync(Legal, new ImportPeople.Request(incident, () => new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            new ColumnMap("Name", "Country", "Email", "Language")));
        Assert.True(imported.IsOk, string.Join("; ", imported.Value?.Problems.Select(p => $"{p.Line} {p.Field} {p.Message}") ?? []));
        WriteNotice(ctx, incident, clock);
        await ctx.SaveChangesAsync();
        return new CampaignWorld(db, keys, protector, incident, clock);
    }

    /// <summary>The campaign handlers over a database seeded elsewhere (its people imported some other way), on that key ring.</summary>
    public static CampaignWorld Over(DatabaseOptions db, IPeopleDataProtector protector, Guid incident, IClock clock) => new(db, "", protector, incident, clock);

    /// <summary>The notice to the incident's people, in English and Traditional Chinese.</summary>
    public static void WriteNotice(ComplianceDbContext ctx, Guid incident, IClock clock) =>
        ctx.NoticeDrafts.Add(new NoticeDraft(DemoSeeder.OrganisationId, incident) { Fields = NoticeTexts.Write(new Dictionary<string, Dictionary<string, string>> { ["en"] = new(Draft), ["zh-Hant"] = new(ChineseDraft) }), UpdatedBy = Legal.Email, UpdatedAt = clock.GetCurrentInstant() });

    /// <summary>People named "{prefix} n" with unique emails, all in Hong Kong, alternating English and Traditional Chinese.</summary>
    public static string People(int count, string prefix = "Supporter")
    {
        var csv = new StringBuilder("Name,Email,Country,Language\n");
        for (var i = 0; i < count; i++) csv.Append($"{prefix} {i},person{i}@example.hk,HK,{(i % 2 == 0 ? "en" : "zh-Hant")}\n");
        return csv.ToString();
    }

    public ComplianceDbContext Open() => ComplianceDatabase.CreateContext(Db);

    /// <summary>The campaign commands and reads, as the pages use them, on one context.</summary>
    public sealed record CampaignHandlers(PrepareCampaign Prepare, ApproveCampaign Approve, ResendUnconfirmed Resend, CampaignAudienceGroups Audience,
        CampaignFallbacks Fallbacks, UnconfirmedMessages Unconfirmed, CampaignProofCsv ProofCsv);

    public CampaignHandlers Campaigns(ComplianceDbContext ctx)
    {
        var workspace = new IncidentAccess(ctx, Clock);
        var lookup = new CampaignLookup(ctx, workspace);
        var trigger = new CampaignTrigger(new ServiceCollection().BuildServiceProvider());
        return new(new PrepareCampaign(ctx, workspace, NoticeTemplates.Default, Clock), new ApproveCampaign(ctx, lookup, NoticeTemplates.Default, trigger, Clock),
            new ResendUnconfirmed(ctx, lookup, trigger, Clock), new CampaignAudienceGroups(ctx, workspace), new CampaignFallbacks(ctx, lookup, NoticeTemplates.Default),
            new UnconfirmedMessages(ctx, lookup), new CampaignProofCsv(ctx, new CampaignProgress(ctx, workspace, lookup), Protector, Clock));
    }

    /// <summary>The SMTP transport to a sink on loopback, as the campaign sender uses it.</summary>
    public static SmtpMailTransport Transport(int port, int connections = 4) =>
        new(new SmtpTransportOptions { Host = "127.0.0.1", Port = port, FromAddress = From, Connections = connections }, SystemClock.Instance);

    /// <summary>Prepared by legal, approved by the security lead: sending may start.</summary>
    public async Task<Guid> ApprovedCampaignAsync(PrepareCampaign.Request? choice = null)
    {
        await using var ctx = Open();
        var campaigns = Campaigns(ctx);
        var prepared = await campaigns.Prepare.HandleAsync(Legal, choice ?? new(Incident, "All supporters", [], []));
        Assert.True(prepared.IsOk, string.Join("; ", prepared.Errors.SelectMany(e => e.Value)));
        var approved = await campaigns.Approve.HandleAsync(Lead, new(Incident, prepared.Value!.Id));
        Assert.True(approved.IsOk, string.Join("; ", approved.Errors.SelectMany(e => e.Value)));
        return prepared.Value.Id;
    }

    /// <summary>The sender as the app wires it; pacing waits on <paramref name="time"/> (the real clock unless given).</summary>
    public CampaignSender Sender(IBulkMailTransport transport, CampaignOptions? options = null, TimeProvider? time = null) =>
        new(Open, transport, Protector, NoticeTemplates.Default, options ?? CampaignOptions.Unlimited,
            new MailOptions(From, "127.0.0.1", 25, false, null, null, 4, Path.GetTempPath()), Clock, new Leases(Open, Clock, LeaseSettings.Default),
            NullLogger<CampaignSender>.Instance, time);

    /// <summary>The id of the person of the Hong Kong incident with this name.</summary>
    public async Task<Guid> PersonAsync(string name)
    {
        await using var ctx = Open();
        return (await Register(ctx).ListAsync(Legal, Incident, "test")).Value!.Single(p => p.Details.Name == name).Id;
    }

    /// <summary>Sets a person's safety flags, trusted contact or redactions, as legal would on the people page.</summary>
    public async Task FlagAsync(string name, PersonFlags flags)
    {
        var id = await PersonAsync(name);
        await using var ctx = Open();
        Assert.True((await SetFlags(ctx).HandleAsync(Legal, new(Incident, id, flags.DoNotEmail, flags.DelegateTo, flags.Redactions))).IsOk);
    }

    public sealed record PersonFlags(bool DoNotEmail, string? DelegateTo, string? Redactions);

    public SetPersonFlags SetFlags(ComplianceDbContext ctx) => new(ctx, Protector, new IncidentAccess(ctx, Clock), Clock);

    public PeopleRegister Register(ComplianceDbContext ctx) => new(ctx, Protector, new IncidentAccess(ctx, Clock), Clock);

    public async Task<Dictionary<RecipientState, int>> StatesAsync(Guid campaign)
    {
        await using var ctx = Open();
        return await ctx.CampaignRecipients.Where(r => r.CampaignId == campaign).GroupBy(r => r.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }
}
