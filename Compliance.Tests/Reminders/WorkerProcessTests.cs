using Compliance.Domain.Incidents;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Reminders;
using Compliance.Tests.Support;
using Compliance.Tests.Notices;
using Compliance.Jobs.Scheduling;
using Compliance.Domain.Notices;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Reminders;

// The worker executable, for real: processes started, stopped and restarted against one database and a real SMTP server.
public sealed class WorkerProcessTests(ITestOutputHelper output)
{
    /// <summary>An incident whose duty was created long ago in real time, so its reminders fell due while nothing ran.</summary>
    private static async Task<DatabaseOptions> OverdueIncidentAsync(DatabaseProvider provider, int leads)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await AddOverdueIncidentAsync(db, leads);
        return db;
    }

    /// <summary>Adds to <paramref name="db"/> an organisation (Haki Network unless named) with that incident: four reminders due per lead.</summary>
    internal static async Task AddOverdueIncidentAsync(DatabaseOptions db, int leads, string organisation = "Haki Network")
    {
        var domain = organisation.Split(' ')[0].ToLowerInvariant() + ".example";
        var now = SystemClock.Instance.GetCurrentInstant();
        var past = new FixedClock(now - Duration.FromHours(71));   // aware 71.5 h ago: every reminder up to "1 hour before" is due
        var orgId = Guid.NewGuid();
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(orgId, organisation, "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []));
        for (var i = 0; i < leads; i++)
        {
            var user = new User(Guid.NewGuid(), $"lead{i}@{domain}", $"Lead {i}", past.Now);
            ctx.Users.Add(user);
            ctx.Members.Add(new Member(Guid.NewGuid(), orgId, user.Id, Role.SecurityLead));
        }
        await ctx.SaveChangesAsync();
        var input = IncidentInput.Parse(JsonDocument.Parse($$"""
            { "title": "Donor CRM exposed", "awareAt": "{{now - Duration.FromMinutes(71 * 60 + 30)}}", "dataCategories": ["name", "email"],
              "affected": [{ "jurisdiction": "KE", "count": 900 }], "exfiltration": "confirmed", "encryption": "encrypted",
              "cause": "misconfiguration", "riskLevel": "risk" }
            """).RootElement, "Africa/Nairobi").Input!;
        await new CreateIncident(ctx, RulesEngine.Default, past).HandleAsync(new Actor(Guid.NewGuid(), $"lead0@{domain}", orgId, Role.SecurityLead), input);
    }

    private static Process StartWorker(DatabaseOptions db, SmtpSink sink) => WorkerProcess.Start(db, sink.Port, "tracker@haki.example");

    private static async Task<int> WaitForMessagesAsync(DatabaseOptions db, SmtpSink sink, int expected, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (sink.Messages().Count < expected && stopwatch.Elapsed < timeout) await Task.Delay(200);
        // Then one whole sweep more, to catch any duplicate.
        Assert.True(await SweepWatch.RunsAfterAsync(db, ReminderSweepJob.Id, runs: 2, TimeSpan.FromSeconds(30)), "the worker stopped sweeping");
        return sink.Messages().Count;
    }

    private static async Task<List<Reminder>> SentAsync(DatabaseOptions db)
    {
        await using var ctx = ComplianceDatabase.CreateContext(db);
        return await ctx.Reminders.Where(r => r.State == ReminderState.Sent).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reminders_due_while_the_worker_was_down_go_out_once_after_it_starts_and_not_again_after_a_restart(DatabaseProvider provider)
    {
        var db = await OverdueIncidentAsync(provider, leads: 2);
        using var sink = new SmtpSink();
        int due;
        await using (var ctx = ComplianceDatabase.CreateContext(db))
            due = await ctx.Reminders.CountAsync(r => r.State == ReminderState.Pending && r.DueAt <= SystemClock.Instance.GetCurrentInstant());
        Assert.Equal(8, due);   // half-way, 24 h, 4 h and 1 h before, for two people

        using (var first = StartWorker(db, sink))
        {
            Assert.Equal(due, await WaitForMessagesAsync(db, sink, due, TimeSpan.FromSeconds(60)));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        // While it is down, another organisation's reminders fall due: the restarted worker must send those (so it did
        // start and work), and after two more of its sweeps still nothing of the first worker's again.
        await AddOverdueIncidentAsync(db, leads: 1, "Amani Trust");
        using (var second = StartWorker(db, sink))
        {
            Assert.Equal(due + 4, await WaitForMessagesAsync(db, sink, due + 4, TimeSpan.FromSeconds(60)));
            Assert.False(second.HasExited);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var atServer = sink.Received().Select(m => m.Header("X-Compliance-Reminder")).ToList();
        Assert.Equal(due + 4, atServer.Distinct().Count(r => r is not null));   // each reminder once
        Assert.Equal(4, sink.Received().Count(m => m.Header("To")?.Contains("@amani.example", StringComparison.Ordinal) == true));
        var sent = await SentAsync(db);
        Assert.Equal(due + 4, sent.Count);
        Assert.All(sent, r => Assert.True(r.Late));
    }

    [Fact]
    public async Task A_lock_left_in_the_PostgreSQL_job_store_by_a_killed_worker_does_not_stop_the_next_one()
    {
        var db = await OverdueIncidentAsync(DatabaseProvider.Postgres, leads: 1);
        JobStore.Create(SchedulerOptions.For(db, null));   // the job store's tables, as a first worker made them
        await using (var connection = new Npgsql.NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            // What SIGKILL leaves when it lands while Hangfire holds these locks (it holds them for moments, every second).
            foreach (var job in new[] { ReminderSweepJob.Id, "notice-campaigns" })
                await using (var insert = new Npgsql.NpgsqlCommand(
                    "INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES (@resource, 0, now())", connection))
                {
                    insert.Parameters.AddWithValue("resource", $"hangfire:lock:recurring-job:{job}");
                    await insert.ExecuteNonQueryAsync();
                }
        }
        using var sink = new SmtpSink();
        using var worker = StartWorker(db, sink);
        try
        {
            Assert.Equal(4, await WaitForMessagesAsync(db, sink, 4, TimeSpan.FromSeconds(90)));
            Assert.False(worker.HasExited, "the worker stopped");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Two_workers_on_one_PostgreSQL_database_send_200_reminders_and_a_10000_person_campaign_each_exactly_once()
    {
        const int People = 10_000, Reminders = 200;
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Postgres, CampaignWorld.People(People));
        await AddOverdueIncidentAsync(world.Db, leads: Reminders / 4);
        var campaignId = await world.ApprovedCampaignAsync();
        using var sink = new SmtpSink();
        var log = new List<string>();
        string[] extra = [$"--DataProtection:KeysFolder={world.KeysFolder}", "--Mail:Smtp:Connections=4", "--Notices:MessagesPerSecond=100000"];
        var watch = Stopwatch.StartNew();
        using var a = WorkerProcess.Start(world.Db, sink.Port, CampaignWorld.From, log, extra);
        using var b = WorkerProcess.Start(world.Db, sink.Port, CampaignWorld.From, log, extra);
        int servers;
        try
        {
            servers = await ServersAsync(world.Db, expected: 2, TimeSpan.FromSeconds(60));
            while (watch.Elapsed < TimeSpan.FromSeconds(240) && !(await HakiRemindersSentAsync(world.Db) == Reminders && await CompletedAsync(world, campaignId)))
                await Task.Delay(250);
            // One whole sweep more on each kind of work, to catch anything sent twice.
            await SweepWatch.RunsAfterAsync(world.Db, ReminderSweepJob.Id, runs: 2, TimeSpan.FromSeconds(30));
        }
        finally
        {
            a.Kill(entireProcessTree: true);
            b.Kill(entireProcessTree: true);
        }
        output.WriteLine($"two workers: {Reminders} reminders and {People:N0} notices in {watch.Elapsed.TotalSeconds:0.0} s");
        lock (log) output.WriteLine(string.Join("\n", log.TakeLast(20)));

        Assert.Equal(2, servers);
        var received = sink.Received();
        var notices = received.Where(m => m.MessageId.StartsWith("<notice.", StringComparison.Ordinal)).GroupBy(m => m.MessageId).ToList();
        Assert.Equal(People, notices.Count);                                  // nothing lost
        Assert.All(notices, n => Assert.Single(n));                           // nobody twice
        var reminders = received.Select(m => m.Header("X-Compliance-Reminder")).Where(r => r is not null).GroupBy(r => r).ToList();
        Assert.All(reminders, r => Assert.Single(r));
        Assert.Equal(Reminders, await HakiRemindersSentAsync(world.Db));
        var atServer = reminders.Select(r => r.Key!.Trim()).ToHashSet();
        Assert.All(await HakiReminderKeysAsync(world.Db), key => Assert.Contains(key, atServer));
        Assert.Equal(People, (await world.StatesAsync(campaignId)).GetValueOrDefault(RecipientState.Sent));
    }

    private static async Task<int> ServersAsync(DatabaseOptions db, int expected, TimeSpan timeout)
    {
        var storage = JobStore.Create(SchedulerOptions.For(db, null));
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.Elapsed < timeout && (count = storage.GetMonitoringApi().Servers().Count) < expected) await Task.Delay(100);
        return count;
    }

    private static async Task<int> HakiRemindersSentAsync(DatabaseOptions db)
    {
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var haki = await ctx.Organisations.Where(o => o.Name == "Haki Network").Select(o => o.Id).SingleAsync();
        return await ctx.Reminders.CountAsync(r => r.OrganisationId == haki && r.State == ReminderState.Sent);
    }

    private static async Task<List<string>> HakiReminderKeysAsync(DatabaseOptions db)
    {
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var haki = await ctx.Organisations.Where(o => o.Name == "Haki Network").Select(o => o.Id).SingleAsync();
        return await ctx.Reminders.Where(r => r.OrganisationId == haki && r.State == ReminderState.Sent).Select(r => r.Key).ToListAsync();
    }

    private static async Task<bool> CompletedAsync(CampaignWorld world, Guid campaignId)
    {
        await using var ctx = world.Open();
        return await ctx.Campaigns.AnyAsync(c => c.Id == campaignId && c.State == CampaignState.Completed);
    }
}
