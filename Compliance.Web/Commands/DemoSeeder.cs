using Compliance.Jobs.Hosting;
using System.Security.Cryptography;
using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Commands;

/// <summary>
/// The demo: one organisation, a user per role and two incidents modelled on public reports
/// (Amnesty International Hong Kong 2019, Amnesty Canada 2022). Counts and times are illustrative.
/// Running it again keeps the data and issues fresh passwords; no password is ever stored in the repo.
/// </summary>
public static class DemoSeeder
{
    public static readonly Guid OrganisationId = Guid.Parse("0b7c2f4e-5d1a-4c39-9a57-3f0d6b1e2a01");
    public const string OrganisationName = "Demo Rights Alliance";

    public static readonly (string Email, string Name, Role Role)[] Users =
    [
        ("admin@demo.example", "Ada Admin", Role.Admin),
        ("lead@demo.example", "Sam Security-Lead", Role.SecurityLead),
        ("legal@demo.example", "Lee Legal", Role.Legal),
        ("viewer@demo.example", "Vic Viewer", Role.Viewer),
        ("responder@demo.example", "Rae Responder", Role.Responder),
    ];

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout)
    {
        var settings = AppConfiguration.From(CommandLine.ReadConfiguration(args));
        await ComplianceDatabase.MigrateAsync(settings.Database);
        await using var db = ComplianceDatabase.CreateContext(settings.Database);
        var existed = await db.Organisations.AnyAsync(o => o.Id == OrganisationId);
        var passwords = await SeedAsync(db, clock);
        await HongKong2019Record.RecordAsync(db, clock);

        var incidents = await db.Incidents.CountAsync(i => i.OrganisationId == OrganisationId);
        var duties = await db.Obligations.CountAsync(o => o.OrganisationId == OrganisationId && o.Status != ObligationStatus.Superseded);
        await stdout.WriteLineAsync($"Demo organisation '{OrganisationName}' {(existed ? "is there" : "is ready")} with {incidents} incident(s) and {duties} duties. Sign in with:");
        foreach (var (email, _, role) in Users)
            await stdout.WriteLineAsync($"  {KebabCase<Role>.ToId(role),-14} {email,-24} {passwords[email]}");
        await stdout.WriteLineAsync(existed
            ? "These passwords are NEW: the ones printed by an earlier run no longer work (passwords are stored only as hashes, so they cannot be shown again)."
            : "Keep these passwords: they are stored only as hashes, and the next seed-demo (or ./run.sh) replaces them with new ones.");
        await stdout.WriteLineAsync("admin@demo.example also operates this installation: turn on two-factor sign-in (Account), sign in again with a code, and /admin/hangfire shows the jobs.");
        var supporters = Path.Combine(settings.DataFolder, "hong-kong-supporters.csv");
        await File.WriteAllTextAsync(supporters, HongKongSupporters, new System.Text.UTF8Encoding(false));
        await stdout.WriteLineAsync($"The Hong Kong incident's affected supporters, to import on its People page: {supporters}");
        return CommandLine.Ok;
    }

    /// <summary>
    /// Fictional supporters of the Hong Kong incident, to import through the People page (every name, address and
    /// number is invented). The Note column says whom to flag: two activists must never be emailed.
    /// </summary>
    public const string HongKongSupporters = """
        Name,Email,Phone,Country,Language,Note
        陳大文,tai.man.chan@example.hk,+852 5550 0101,HK,zh-Hant,
        Lee Wai Ling,wailing.lee@example.hk,+852 5550 0102,HK,en,
        黃美玲,mei.ling.wong@example.hk,+852 5550 0103,HK,zh-Hant,
        Cheung Ka Ho,kaho.cheung@example.hk,+852 5550 0104,HK,en,
        林志偉,chi.wai.lam@example.hk,+852 5550 0105,HK,zh-Hant,"at risk: do not email, call through the Hong Kong office"
        Ho Sze Wan,szewan.ho@example.hk,+852 5550 0106,HK,zh-Hant,"at risk: reach through a trusted lawyer only"
        梁家豪,ka.ho.leung@example.hk,,HK,zh-Hant,
        Ng Ka Yan,,+852 5550 0108,HK,zh-Hant,no email address
        Mak Siu Fung,siufung.mak@example.hk,+852 5550 0109,HK,en,
        Marie Tremblay,marie.tremblay@example.ca,+1 514 555 0110,CA-QC,fr,
        Daniel Okafor,daniel.okafor@example.ca,+1 416 555 0111,CA-ON,en,
        周慧敏,wai.man.chow@example.ca,+1 604 555 0112,CA-BC,zh-Hant,
        """;

    /// <summary>Creates what is missing and resets the demo users' passwords; returns them.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(ComplianceDbContext db, IClock clock, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var audit = new AuditLog(db, clock);
        if (!await db.Organisations.AnyAsync(o => o.Id == OrganisationId, ct))
        {
            // Established in Canada; its supporters live in Hong Kong and Canada. Fundraising is not a commercial activity.
            var organisation = new Organisation(OrganisationId, OrganisationName, "America/Toronto", [JurisdictionCode.Parse("CA")], [], slug: "demo");
            db.Organisations.Add(organisation);
            var planner = new ObligationPlanner(db, RulesEngine.Default, audit, clock);
            foreach (var incident in new[] { HongKong2019(now), Canada2022(now) })
            {
                db.Incidents.Add(incident);
                await audit.AppendAsync(OrganisationId, incident.Id, "seed-demo", "incident.created",
                    new { incident.Reference, incident.Title }, ct);
                await planner.ReplanAsync(incident, organisation, "seed-demo", ct);
            }
            foreach (var task in Canada2022Tasks(now))
            {
                db.IncidentTasks.Add(task);
                await audit.AppendAsync(OrganisationId, task.IncidentId, "seed-demo", "task.added",
                    new { task.Id, kind = KebabCase<TaskKind>.ToId(task.Kind), task.Title, doneAt = task.DoneAt?.ToString(), task.DoneBy }, ct);
            }
        }

        var hasher = new PasswordHasher<User>();
        var passwords = new Dictionary<string, string>();
        var responderIncident = await db.Incidents.Where(i => i.OrganisationId == OrganisationId)
            .OrderBy(i => i.AwareAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct)
            ?? db.Incidents.Local.OrderBy(i => i.AwareAt).First().Id;
        foreach (var (email, name, role) in Users)
        {
            var normalized = email.ToUpperInvariant();
            var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (user is null)
            {
                user = new User(Guid.NewGuid(), email, name, now);
                db.Users.Add(user);
                db.Members.Add(role == Role.Responder
                    ? new Member(Guid.NewGuid(), OrganisationId, user.Id, role, responderIncident, now + Duration.FromDays(14))
                    : new Member(Guid.NewGuid(), OrganisationId, user.Id, role));
            }
            // The demo's admin also runs this demo installation, so that the job dashboard can be seen (an instance
            // flag, set here by the instance's own command, never by an organisation's admin).
            if (role == Role.Admin) user.InstanceOperator = true;
            var password = NewPassword();
            user.PasswordHash = hasher.HashPassword(user, password);
            user.RenewSecurityStamp();
            passwords[email] = password;
        }
        await audit.AppendAsync(OrganisationId, null, "seed-demo", "demo.passwords-reset", new { users = Users.Length }, ct);
        await db.SaveChangesAsync(ct);
        return passwords;
    }

    private static Incident HongKong2019(Instant now)
    {
        var i = new Incident(Guid.Parse("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e01"), OrganisationId, "INC-2019-001",
            "Intruders in the supporter database (Hong Kong)", At("2019-03-15T09:00:00+08:00"), now)
        {
            Summary = "State-sponsored intruders were found in our systems. Supporters' names, Hong Kong ID numbers and " +
                      "contact details were taken; no financial data. We told the PCPD and every affected supporter.",
            DataCategories = [DataCategory.Name, DataCategory.NationalId, DataCategory.Email, DataCategory.Phone, DataCategory.PostalAddress],
            Exfiltration = Exfiltration.Confirmed,
            Encryption = Encryption.None,
            Cause = Cause.ExternalAttack,
            RiskLevel = RiskLevel.High,
            RiskRationale = "Names with HKID numbers and contact details of supporters, taken by a state-sponsored intruder: identity theft and targeting of activists.",
            ClockZone = "Asia/Hong_Kong",
        };
        i.SetAffected(JurisdictionCode.Parse("HK"), 2_400);
        return i;
    }

    private static Incident Canada2022(Instant now)
    {
        var i = new Incident(Guid.Parse("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e02"), OrganisationId, "INC-2022-001",
            "Intrusion detected; systems offline three weeks (Canada)", At("2022-10-05T10:00:00-04:00"), now)
        {
            Summary = "An intrusion was detected on 5 October; systems were offline for three weeks. Donor records were " +
                      "reachable but no evidence was found that donor data left. We told law enforcement, staff, donors and stakeholders.",
            DataCategories = [DataCategory.Name, DataCategory.Email, DataCategory.Phone, DataCategory.PostalAddress, DataCategory.DonationHistory],
            Exfiltration = Exfiltration.NotFound,
            Encryption = Encryption.None,
            Cause = Cause.ExternalAttack,
            RiskLevel = RiskLevel.Risk,
            RiskRationale = "Donor records were reachable but no evidence was found that they left; no financial data.",
            ClockZone = "America/Toronto",
        };
        i.SetAffected(JurisdictionCode.Parse("CA"), 38_000);
        i.SetAffected(JurisdictionCode.Parse("CA-QC"), 6_500);
        return i;
    }

    /// <summary>
    /// What Amnesty Canada said it did beyond any regulator: it told law enforcement, its staff, its donors and its
    /// stakeholders. The days are illustrative, within October 2022 (the statement went public on 25 October).
    /// </summary>
    private static IEnumerable<IncidentTask> Canada2022Tasks(Instant now)
    {
        var incident = Guid.Parse("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e02");
        IncidentTask Done(string id, TaskKind kind, string title, string doneAt, string by, string notes)
        {
            var task = new IncidentTask(Guid.Parse(id), OrganisationId, incident, kind, title, null, null, "seed-demo", now, fromTemplate: false) { Notes = notes };
            task.Complete(At(doneAt), by);
            return task;
        }
        yield return Done("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5f01", TaskKind.LawEnforcement, "Report the intrusion to law enforcement",
            "2022-10-06T11:00:00-04:00", "lead@demo.example", "Law enforcement was told of the intrusion; its report reference number and officer are not public, so none is recorded here.");
        yield return Done("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5f02", TaskKind.Staff, "Tell staff what happened and what to watch for",
            "2022-10-06T16:00:00-04:00", "lead@demo.example", "Staff were told while systems were taken offline.");
        yield return Done("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5f03", TaskKind.Donors, "Tell donors",
            "2022-10-25T10:00:00-04:00", "admin@demo.example", "Donors were told that their records were reachable but no evidence was found that donor data left.");
        yield return Done("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5f04", TaskKind.PartnersFunders, "Tell stakeholders, partners and funders",
            "2022-10-25T10:00:00-04:00", "admin@demo.example", "Stakeholders were told with the public statement.");
    }

    private static Instant At(string offsetDateTime) =>
        OffsetDateTimePattern.GeneralIso.Parse(offsetDateTime).GetValueOrThrow().ToInstant();

    private static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
