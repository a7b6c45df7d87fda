using Compliance.Domain.Obligations;
using Compliance.Domain.Incidents;
using Compliance.Jobs.Hosting;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Jobs.Reminders;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Tests.Reminders;

// Reminders that never miss and never double-send, against a real SMTP server on loopback.
public sealed partial class ReminderSweepTests
{
    private static readonly Instant Aware = Instant.FromUtc(2026, 3, 6, 9, 0); // a Friday

    private sealed record World(DatabaseOptions Db, FixedClock Clock, Guid OrgId, Guid IncidentId);

    private static async Task<World> KenyanIncidentAsync(DatabaseProvider provider, int leads = 1)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var clock = new FixedClock(Aware + Duration.FromMinutes(30));
        var orgId = Guid.NewGuid();
        Guid incidentId;
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            ctx.Organisations.Add(new Organisation(orgId, "Haki Network", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []));
            for (var i = 0; i < leads; i++) AddMember(ctx, orgId, $"lead{i}@haki.example", Role.SecurityLead, clock.Now);
            AddMember(ctx, orgId, "admin@haki.example", Role.Admin, clock.Now);
            await ctx.SaveChangesAsync();
            var input = IncidentInput.Parse(JsonDocument.Parse($$"""
                { "title": "Donor CRM exposed", "awareAt": "{{Aware}}", "dataCategories": ["name", "email"],
                  "affected": [{ "jurisdiction": "KE", "count": 900 }], "exfiltration": "confirmed", "encryption": "encrypted",
                  "cause": "misconfiguration", "riskLevel": "risk" }
                """).RootElement, "Africa/Nairobi").Input!;
            var actor = new Actor(Guid.NewGuid(), "lead0@haki.example", orgId, Role.SecurityLead);
            incidentId = (await new CreateIncident(ctx, RulesEngine.Default, clock).HandleAsync(actor, input)).Value!.Id;
        }
        return new World(db, clock, orgId, incidentId);
    }

    private static void AddMember(ComplianceDbContext ctx, Guid orgId, string email, Role role, Instant now)
    {
        var user = new User(Guid.NewGuid(), email, email, now);
        ctx.Users.Add(user);
        ctx.Members.Add(new Member(Guid.NewGuid(), orgId, user.Id, role));
    }

    private static ReminderSweep Sweep(World w, SmtpSink sink) =>
        new(() => ComplianceDatabase.CreateContext(w.Db),
            new SmtpMailTransport(SmtpTransportOptions.FromMailOptions(new MailOptions("tracker@haki.example", "127.0.0.1", sink.Port, false, null, null, 2, "")), w.Clock),
            TemplateLibrary.Default, w.Clock, new ReminderSweep.Settings(), new PublicAddress(new Uri("https://breach.haki.example")), NullLogger<ReminderSweep>.Instance);

    private static async Task<List<Reminder>> RemindersAsync(World w)
    {
        await using var ctx = ComplianceDatabase.CreateContext(w.Db);
        return await ctx.Reminders.OrderBy(r => r.DueAt).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_due_reminder_arrives_once_as_MIME_with_the_right_recipient_subject_and_link(DatabaseProvider provider)
    {
        var w = await KenyanIncidentAsync(provider);
        using var sink = new SmtpSink();
        w.Clock.Now = Aware + Duration.FromHours(36) + Duration.FromMinutes(20);   // just past half-way (the duty exists from +30 min)

        var first = await Sweep(w, sink).RunAsync();
        var second = await Sweep(w, sink).RunAsync();

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent);
        var message = Assert.Single(sink.Messages());
        Assert.Contains("X-Rcpt-Args: <lead0@haki.example>", message);
        Assert.Matches(@"(?m)^Content-Type: multipart/alternative", message);
        Assert.Contains("text/plain", message);
        Assert.Contains("text/html", message);
        var subject = Decode(Regex.Match(message, @"(?m)^Subject: (.+(?:\r?\n[ \t].+)*)").Groups[1].Value);
        Assert.StartsWith("Deadline in 35 hours: INC-2026-001, regulator (KE)", subject);
        Assert.Contains($"https://breach.haki.example/Incidents/{w.IncidentId}", Decode(message));
        var sent = Assert.Single(await RemindersAsync(w), r => r.State == ReminderState.Sent);
        Assert.False(sent.Late);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reminders_that_fell_due_while_nothing_ran_go_out_once_each_marked_late(DatabaseProvider provider)
    {
        var w = await KenyanIncidentAsync(provider);
        using var sink = new SmtpSink();
        w.Clock.Now = Aware + Duration.FromDays(4);   // the server was down across the whole window

        var pass = await Sweep(w, sink).RunAsync();
        await Sweep(w, sink).RunAsync();

        var sent = (await RemindersAsync(w)).Where(r => r.State == ReminderState.Sent).ToList();
        Assert.Equal(pass.Sent, sent.Count);
        Assert.Equal(sent.Count, sink.Messages().Count);
        Assert.Contains(sent, r => r.Kind == ReminderKind.Overdue);
        Assert.All(sent, r => Assert.True(r.Late));
        Assert.All(sink.Messages(), m => Assert.Contains("[late]", Decode(m)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Correcting_the_awareness_time_moves_every_unsent_reminder_and_fulfilment_cancels_them(DatabaseProvider provider)
    {
        var w = await KenyanIncidentAsync(provider);
        var before = (await RemindersAsync(w)).Where(r => r.State == ReminderState.Pending).ToList();
        var oldDuty = Assert.Single(before.Select(r => r.ObligationId).Distinct());

        await using var ctx = ComplianceDatabase.CreateContext(w.Db);
        var lead = new Actor(Guid.NewGuid(), "lead0@haki.example", w.OrgId, Role.SecurityLead);
        var json = IncidentInput.ToJson((await new IncidentAccess(ctx, w.Clock).GetAsync(lead, w.IncidentId)).Value!);
        json["awareAt"] = (Aware - Duration.FromHours(12)).ToString();
        await new UpdateIncident(ctx, RulesEngine.Default, w.Clock).HandleAsync(lead,
            new UpdateIncidentRequest(w.IncidentId, IncidentInput.Parse(JsonDocument.Parse(json.ToJsonString()).RootElement, "Africa/Nairobi").Input!, null));

        var after = await RemindersAsync(w);
        Assert.All(after.Where(r => r.ObligationId == oldDuty), r => Assert.Equal(ReminderState.Cancelled, r.State));
        Assert.Equal(before.Count, after.Count(r => r.ObligationId == oldDuty));
        Assert.Contains(after, r => r.State == ReminderState.Pending && r.DueAt == Aware - Duration.FromHours(12) + Duration.FromHours(71));

        var duty = (await new IncidentDuties(ctx, w.Clock).ReadAsync(lead, w.IncidentId, false)).Value!.Single(o => o.Recipient == Recipient.Regulator);
        await new FulfilDuty(ctx, RulesEngine.Default, w.Clock).HandleAsync(lead, new FulfilDutyRequest(duty.Id, w.Clock.Now, "ODPC-1", null));
        Assert.DoesNotContain(await RemindersAsync(w), r => r.ObligationId == duty.Id && r.State == ReminderState.Pending);
    }

    [Fact]
    public async Task A_4xx_reply_is_retried_later_with_backoff_and_nothing_is_lost()
    {
        var w = await KenyanIncidentAsync(DatabaseProvider.Sqlite);
        w.Clock.Now = Aware + Duration.FromHours(37);
        using (var refusing = new SmtpSink("4xx"))
        {
            var pass = await Sweep(w, refusing).RunAsync();
            Assert.Equal(1, pass.RetryLater);
            Assert.Empty(refusing.Messages());
        }
        await using (var ctx = ComplianceDatabase.CreateContext(w.Db))
        {
            var entry = await ctx.MailLog.SingleAsync();
            Assert.Equal(MailState.RetryLater, entry.State);
            Assert.StartsWith("4", entry.ServerReply);
            Assert.Equal(w.Clock.Now + Duration.FromMinutes(2), entry.NextAttemptAt);
        }

        using var healthy = new SmtpSink();
        Assert.Equal(0, (await Sweep(w, healthy).RunAsync()).Sent);     // not before the backoff has passed
        w.Clock.Advance(Duration.FromMinutes(3));
        Assert.Equal(1, (await Sweep(w, healthy).RunAsync()).Sent);
        Assert.Single(healthy.Messages());
        await using var read = ComplianceDatabase.CreateContext(w.Db);
        Assert.Equal(2, (await read.MailLog.SingleAsync()).Attempts);
    }

    [Fact]
    public async Task A_5xx_reply_marks_the_reminder_failed_with_the_servers_words()
    {
        var w = await KenyanIncidentAsync(DatabaseProvider.Sqlite);
        w.Clock.Now = Aware + Duration.FromHours(37);
        using var refusing = new SmtpSink("5xx");
        Assert.Equal(1, (await Sweep(w, refusing).RunAsync()).Failed);
        var failed = Assert.Single(await RemindersAsync(w), r => r.State == ReminderState.Failed);
        Assert.StartsWith("5", failed.Outcome);
    }

    [Fact]
    public async Task Two_workers_on_one_PostgreSQL_database_send_each_reminder_exactly_once()
    {
        var w = await KenyanIncidentAsync(DatabaseProvider.Postgres, leads: 40);
        using var sink = new SmtpSink();
        w.Clock.Now = Aware + Duration.FromHours(80);

        var passes = await Task.WhenAll(Task.Run(() => Sweep(w, sink).RunAsync()), Task.Run(() => Sweep(w, sink).RunAsync()));

        var sent = (await RemindersAsync(w)).Count(r => r.State == ReminderState.Sent);
        Assert.True(sent >= 200, $"only {sent} reminders were due");
        var messages = sink.Messages();
        Assert.Equal(sent, messages.Count);
        Assert.Equal(sent, passes.Sum(p => p.Sent));
        var ids = messages.Select(m => Regex.Match(m, @"(?im)^X-Compliance-Reminder: (.+)$").Groups[1].Value.Trim()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_reminder_arrives_in_the_language_its_reader_chose()
    {
        var w = await KenyanIncidentAsync(DatabaseProvider.Sqlite);
        await using (var ctx = ComplianceDatabase.CreateContext(w.Db))
        {
            var lead = await ctx.Users.SingleAsync(u => u.Email == "lead0@haki.example");
            lead.Language = "zh-Hant";
            await ctx.SaveChangesAsync();
        }
        using var sink = new SmtpSink();
        w.Clock.Now = Aware + Duration.FromHours(36) + Duration.FromMinutes(20);
        Assert.Equal(1, (await Sweep(w, sink).RunAsync()).Sent);

        var message = Decode(Assert.Single(sink.Messages()));
        Assert.Contains("距離期限 35 小時: INC-2026-001", message);
        Assert.Contains("通知監管機構", message);
        Assert.Contains("lang=\"zh-Hant\"", message);
    }

    /// <summary>Decodes RFC 2047 encoded words and quoted-printable soft breaks enough to read subjects and links.</summary>
    private static string Decode(string text)
    {
        text = Regex.Replace(text, @"=\?utf-8\?B\?([^?]*)\?=", m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)), RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\?=\s+=\?", "");
        text = Regex.Replace(text, @"=\r?\n", "");
        return Regex.Replace(text, @"(?:=[0-9A-F]{2})+", m => System.Text.Encoding.UTF8.GetString(
            Regex.Matches(m.Value, "=([0-9A-F]{2})").Select(x => Convert.ToByte(x.Groups[1].Value, 16)).ToArray()));
    }
}
