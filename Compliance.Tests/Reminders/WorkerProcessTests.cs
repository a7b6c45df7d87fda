using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Reminders;

// The worker executable, for real: processes started, stopped and restarted against one database and a real SMTP server.
public sealed class WorkerProcessTests
{
    /// <summary>An incident whose duty was created long ago in real time, so its reminders fell due while nothing ran.</summary>
    private static async Task<DatabaseOptions> OverdueIncidentAsync(DatabaseProvider provider, int leads)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var now = SystemClock.Instance.GetCurrentInstant();
        var past = new FixedClock(now - Duration.FromHours(71));   // aware 71.5 h ago: every reminder up to "1 hour before" is due
        var orgId = Guid.NewGuid();
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(orgId, "Haki Network", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []));
        for (var i = 0; i < leads; i++)
        {
            var user = new User(Guid.NewGuid(), $"lead{i}@haki.example", $"Lead {i}", past.Now);
            ctx.Users.Add(user);
            ctx.Members.Add(new Member(Guid.NewGuid(), orgId, user.Id, Role.SecurityLead));
        }
        await ctx.SaveChangesAsync();
        var input = IncidentInput.Parse(JsonDocument.Parse($$"""
            { "title": "Donor CRM exposed", "awareAt": "{{now - Duration.FromMinutes(71 * 60 + 30)}}", "dataCategories": ["name", "email"],
              "affected": [{ "jurisdiction": "KE", "count": 900 }], "exfiltration": "confirmed", "encryption": "encrypted",
              "cause": "misconfiguration", "riskLevel": "risk" }
            """).RootElement, "Africa/Nairobi").Input!;
        await new IncidentWorkspace(ctx, RulesEngine.Default, past).CreateAsync(new Actor(Guid.NewGuid(), "lead0@haki.example", orgId, Role.SecurityLead), input);
        return db;
    }

    private static Process StartWorker(DatabaseOptions db, SmtpSink sink) => WorkerProcess.Start(db, sink.Port, "tracker@haki.example");

    private static async Task<int> WaitForMessagesAsync(SmtpSink sink, int expected, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (sink.Messages().Count < expected && stopwatch.Elapsed < timeout) await Task.Delay(200);
        await Task.Delay(1500); // and a little longer, to catch any duplicate
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
            Assert.Equal(due, await WaitForMessagesAsync(sink, due, TimeSpan.FromSeconds(60)));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        using (var second = StartWorker(db, sink))
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        Assert.Equal(due, sink.Messages().Count);
        var sent = await SentAsync(db);
        Assert.Equal(due, sent.Count);
        Assert.All(sent, r => Assert.True(r.Late));
    }

    [Fact]
    public async Task Two_worker_processes_on_one_PostgreSQL_database_send_200_reminders_without_a_duplicate()
    {
        var db = await OverdueIncidentAsync(DatabaseProvider.Postgres, leads: 50);
        using var sink = new SmtpSink();
        using var a = StartWorker(db, sink);
        using var b = StartWorker(db, sink);
        try
        {
            var count = await WaitForMessagesAsync(sink, 200, TimeSpan.FromSeconds(120));
            Assert.Equal(200, count);
        }
        finally
        {
            a.Kill(entireProcessTree: true);
            b.Kill(entireProcessTree: true);
        }
        var ids = sink.Messages().Select(m => Regex.Match(m, @"(?im)^X-Compliance-Reminder: (.+)$").Groups[1].Value.Trim()).ToList();
        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, (await SentAsync(db)).Count);
    }
}
