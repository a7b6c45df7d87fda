using System.Diagnostics;
using System.Globalization;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Jobs.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// <c>bench sweep</c>: one reminder sweep pass over a federation with many open duties of which a few have a reminder
/// due, timed as the recurring job runs it (re-plan what changed, send what is due, plan successors). Two curves: the
/// number of organisations grows with the due count fixed, then the due count grows with the organisations fixed.
/// Mail goes to the pickup folder unless --smtp names a server (smtp-sink), so the figure is the sweep's own work.
/// </summary>
public static class SweepBenchCommand
{
    public const string Usage = "usage: bench sweep [--organisations N[,N...]] [--duties N] [--due N[,N...]] [--passes N] [--database sqlite|postgres] [--connection CS] [--smtp HOST:PORT]";

    private sealed record Settings(int[] Organisations, int Duties, int[] Due, int Passes, DatabaseProvider Provider, string? Server, string? SmtpHost, int SmtpPort);

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (Parse(args) is not { } settings)
        {
            await stderr.WriteLineAsync(Usage);
            return CommandLine.BadInput;
        }
        if (settings.Provider == DatabaseProvider.Postgres && settings.Server is null)
        {
            await stderr.WriteLineAsync($"error: --database postgres needs a server: give --connection or set {BenchDatabase.PostgresVariable}.");
            return CommandLine.BadInput;
        }
        var now = clock.GetCurrentInstant();
        await stdout.WriteLineAsync($"bench sweep: {settings.Duties:N0} open duties, {(settings.SmtpHost is null ? "mail to the pickup folder" : $"mail to {settings.SmtpHost}:{settings.SmtpPort}")}, " +
            $"median of {settings.Passes} passes; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await stdout.WriteLineAsync("  organisations  reminders due  pass (median)  min      per due reminder  seeded in");
        // The organisations curve at the first due count, then the due curve at the last organisation count.
        var runs = settings.Organisations.Select(o => (o, settings.Due[0]))
            .Concat(settings.Due.Skip(1).Select(d => (settings.Organisations[^1], d))).ToList();
        foreach (var (organisations, due) in runs)
        {
            await using var database = await BenchDatabase.CreateAsync("sweep", settings.Provider, settings.Server, keep: false);
            var config = database.Configuration();
            await ComplianceDatabase.MigrateAsync(config.Database);
            var seeding = Stopwatch.StartNew();
            var dueIds = await SeedAsync(config.Database, organisations, settings.Duties, due, now, clock);
            var seeded = seeding.Elapsed.TotalSeconds;

            var mail = new MailOptions("tracker@bench.invalid", settings.SmtpHost, settings.SmtpPort, false, null, null, 1, Path.Combine(database.Folder, "pickup"));
            await using var smtp = settings.SmtpHost is null ? null : new SmtpMailTransport(SmtpTransportOptions.FromMailOptions(mail), clock);
            IMailTransport transport = smtp is null ? new PickupFolderTransport(mail, clock) : smtp;
            var sweep = new ReminderSweep(() => ComplianceDatabase.CreateContext(config.Database), transport, TemplateLibrary.Default, clock,
                ReminderSweep.Settings.For(settings.Provider, batchSize: Math.Max(200, due)), new PublicAddress(new Uri("https://breach.example.org")), NullLogger<ReminderSweep>.Instance);
            await sweep.RunAsync();   // warm-up: the first pass after seeding (JIT, pools), then the same reminders again
            var times = new List<double>();
            for (var pass = 0; pass < settings.Passes; pass++)
            {
                await MakeDueAgainAsync(config.Database, dueIds);
                var watch = Stopwatch.StartNew();
                var result = await sweep.RunAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (result.Sent != due) throw new InvalidOperationException($"the pass sent {result.Sent} reminders, not {due}");
            }
            times.Sort();
            var median = times[times.Count / 2];
            await stdout.WriteLineAsync($"  {organisations,13:N0}  {due,13:N0}  {median,10:0.0} ms  {times[0],6:0.0} ms  {median / due,13:0.00} ms  {seeded,6:0} s");
        }
        await stdout.WriteLineAsync($"  database: {(settings.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")}; each row its own fresh database");
        return CommandLine.Ok;
    }

    /// <summary>
    /// Organisations with a security lead and an admin, incidents of ten duties each, every duty open with a deadline
    /// days away and its reminders planned by the real planner; <paramref name="due"/> duties fall due 40 minutes from
    /// now, so their "1 hour before" reminder is due. Returns those reminders' ids.
    /// </summary>
    private static async Task<List<Guid>> SeedAsync(DatabaseOptions database, int organisations, int duties, int due, Instant now, IClock clock)
    {
        var perOrganisation = Math.Max(1, duties / organisations);
        var dueEvery = Math.Max(1, duties / Math.Max(1, due));
        var created = now - Duration.FromMinutes(30);
        var n = 0;
        for (var start = 0; start < organisations; start += 50)
        {
            await using var db = ComplianceDatabase.CreateContext(database);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var orgIds = new List<Guid>();
            for (var o = start; o < Math.Min(organisations, start + 50); o++)
            {
                var org = new Organisation(Guid.NewGuid(), $"Section {o:D5}", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], [], $"section-{o:D5}");
                db.Organisations.Add(org);
                orgIds.Add(org.Id);
                foreach (var role in new[] { Role.SecurityLead, Role.Admin })
                {
                    var user = new User(Guid.NewGuid(), $"{KebabCase<Role>.ToId(role)}@section-{o:D5}.bench.invalid", "Bench", created);
                    db.Users.Add(user);
                    db.Members.Add(new Member(Guid.NewGuid(), org.Id, user.Id, role));
                }
                Incident? incident = null;
                for (var d = 0; d < perOrganisation; d++, n++)
                {
                    if (d % 10 == 0)
                    {
                        incident = new Incident(Guid.NewGuid(), org.Id, $"INC-{d / 10:D4}", "Bench incident", created - Duration.FromHours(1), created);
                        db.Incidents.Add(incident);
                    }
                    var deadline = n % dueEvery == 0 && n / dueEvery < due ? now + Duration.FromMinutes(40) : now + Duration.FromDays(3 + n % 20);
                    db.Obligations.Add(new Obligation(Guid.NewGuid(), org.Id, incident!.Id, "KE", Recipient.Regulator, "Office of the Data Protection Commissioner",
                        "initial", true, deadline, null, null, "Africa/Nairobi", "ke-dpa-s43", "2019-11-25", "Bench duty.", [], "V", created));
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            foreach (var id in orgIds) await new ReminderPlanner(db, clock).SyncAsync(id);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await db.Organisations.Where(o => orgIds.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.ReminderPlanChange, (Guid?)null));
        }
        await using var read = ComplianceDatabase.CreateContext(database);
        var ids = await read.Reminders.Where(r => r.State == ReminderState.Pending && r.DueAt <= now).Select(r => r.Id).ToListAsync();
        if (ids.Count != due) throw new InvalidOperationException($"seeded {ids.Count} due reminders, not {due}");
        return ids;
    }

    /// <summary>Between passes: the same reminders pending again and their send-log rows gone, as if they had just fallen due.</summary>
    private static async Task MakeDueAgainAsync(DatabaseOptions database, List<Guid> ids)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        var keys = ids.Select(id => $"reminder:{id:N}").ToList();
        await db.MailLog.Where(m => keys.Contains(m.Key)).ExecuteDeleteAsync();
        await db.Reminders.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, ReminderState.Pending).SetProperty(r => r.SentAt, (Instant?)null));
    }

    private static Settings? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--organisations" or "--duties" or "--due" or "--passes" or "--database" or "--connection" or "--smtp" && i + 1 < args.Length)
                options[args[i][2..]] = args[++i];
            else return null;
        }
        int[]? List(string name, string fallback, int min, int max)
        {
            var parts = options.GetValueOrDefault(name, fallback).Split(',');
            var values = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : -1).ToArray();
            return values.All(v => v >= 0) ? values : null;
        }
        if (List("organisations", "100,1000,5000", 1, 100_000) is not { } organisations || List("duties", "100000", 1, 10_000_000) is not [var duties]
            || List("due", "100,10,1000", 1, 100_000) is not { } due || List("passes", "5", 1, 1000) is not [var passes])
            return null;
        if (due.Any(d => d > duties) || organisations.Any(o => o > duties)) return null;
        if (BenchDatabase.Choose(options) is not var (provider, server)) return null;
        string? host = null;
        var port = 25;
        if (options.TryGetValue("smtp", out var smtp))
        {
            var colon = smtp.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535) return null;
            host = smtp[..colon].Trim('[', ']');
        }
        return new Settings(organisations, duties, due, passes, provider, server, host, port);
    }
}
