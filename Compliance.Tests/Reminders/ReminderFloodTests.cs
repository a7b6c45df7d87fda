using Compliance.Domain.Incidents;
using Compliance.Jobs.Hosting;
using System.Collections.Concurrent;
using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Reminders;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Tests.Reminders;

// An incident logged long after its deadline, or a tracker that was off for days, gets one late reminder, not one
// for every missed day; escalation to admins then goes out once a day at 08:00 in each admin's zone.
public sealed class ReminderFloodTests
{
    private static readonly Instant Aware = Instant.FromUtc(2026, 3, 6, 9, 0); // a Friday in Nairobi (UTC+3, no DST)

    private sealed class RecordingTransport : IMailTransport
    {
        public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

        public Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default)
        {
            Sent.Enqueue(mail);
            return Task.FromResult(new MailResult(MailOutcome.Sent, "250 2.0.0 Ok: queued"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_incident_logged_eleven_days_after_its_deadline_sends_one_late_escalation_then_one_a_day(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var logged = Aware + Duration.FromDays(14) + Duration.FromHours(5); // 11 days after the 72-hour deadline, 17:00 in Nairobi
        var clock = new FixedClock(logged);
        var orgId = Guid.NewGuid();
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            ctx.Organisations.Add(new Organisation(orgId, "Haki Network", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []));
            AddMember(ctx, orgId, "lead@haki.example", Role.SecurityLead, logged);
            AddMember(ctx, orgId, "admin@haki.example", Role.Admin, logged);
            await ctx.SaveChangesAsync();
            var input = IncidentInput.Parse(JsonDocument.Parse($$"""
                { "title": "Donor CRM exposed", "awareAt": "{{Aware}}", "dataCategories": ["name", "email"],
                  "affected": [{ "jurisdiction": "KE", "count": 900 }], "exfiltration": "confirmed", "encryption": "none",
                  "cause": "misconfiguration", "riskLevel": "risk" }
                """).RootElement, "Africa/Nairobi").Input!;
            Assert.True((await new CreateIncident(ctx, RulesEngine.Default, clock).HandleAsync(new Actor(Guid.NewGuid(), "lead@haki.example", orgId, Role.SecurityLead), input)).IsOk);
        }
        var transport = new RecordingTransport();
        var sweep = new ReminderSweep(() => ComplianceDatabase.CreateContext(db), transport, TemplateLibrary.Default, clock,
            new ReminderSweep.Settings(), new PublicAddress(new Uri("https://breach.haki.example")), NullLogger<ReminderSweep>.Instance);
        int Escalations() => transport.Sent.Count(m => m.To == "admin@haki.example");

        for (var pass = 0; pass < 5; pass++) await sweep.RunAsync(); // the sweep runs every 30 seconds
        Assert.Equal(1, Escalations());
        Assert.All(transport.Sent, m => Assert.Contains("[late]", m.Subject));

        clock.Advance(Duration.FromHours(6)); // 23:00 in Nairobi: still the same day
        await sweep.RunAsync();
        Assert.Equal(1, Escalations());

        clock.Now = Instant.FromUtc(2026, 3, 21, 5, 0, 30); // 08:00:30 the next morning in Nairobi
        for (var pass = 0; pass < 3; pass++) await sweep.RunAsync();
        Assert.Equal(2, Escalations());
        var latest = transport.Sent.Last(m => m.To == "admin@haki.example");
        Assert.DoesNotContain("[late]", latest.Subject);

        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal(2, await read.Reminders.CountAsync(r => r.Kind == ReminderKind.Overdue && r.State == ReminderState.Sent));
    }

    private static void AddMember(ComplianceDbContext ctx, Guid orgId, string email, Role role, Instant now)
    {
        var user = new User(Guid.NewGuid(), email, email, now);
        ctx.Users.Add(user);
        ctx.Members.Add(new Member(Guid.NewGuid(), orgId, user.Id, role));
    }
}
