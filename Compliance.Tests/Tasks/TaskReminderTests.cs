using Compliance.Domain.Incidents;
using Compliance.Jobs.Hosting;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Jobs.Reminders;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Tests.Tasks;

// A task with a due time and an owner is reminded like a duty, through the same sweep and SMTP; a done one falls silent.
public sealed class TaskReminderTests
{
    private static readonly Instant Aware = Instant.FromUtc(2026, 3, 6, 9, 0);

    private sealed record World(DatabaseOptions Db, FixedClock Clock, Guid OrgId, Guid IncidentId, Guid LeadId, Actor Lead);

    private static async Task<World> IncidentAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var clock = new FixedClock(Aware + Duration.FromMinutes(30));
        var orgId = Guid.NewGuid();
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(orgId, "Haki Network", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []) { TaskTemplates = "[]" });
        var lead = new User(Guid.NewGuid(), "lead@haki.example", "Wanjiru Lead", clock.Now);
        var admin = new User(Guid.NewGuid(), "admin@haki.example", "Otieno Admin", clock.Now);
        ctx.Users.AddRange(lead, admin);
        ctx.Members.Add(new Member(Guid.NewGuid(), orgId, lead.Id, Role.SecurityLead));
        ctx.Members.Add(new Member(Guid.NewGuid(), orgId, admin.Id, Role.Admin));
        await ctx.SaveChangesAsync();
        var input = IncidentInput.Parse(JsonDocument.Parse($$"""
            { "title": "Donor CRM exposed", "awareAt": "{{Aware}}", "dataCategories": ["name", "email"],
              "affected": [{ "jurisdiction": "KE", "count": 900 }], "exfiltration": "confirmed", "encryption": "encrypted",
              "cause": "misconfiguration", "riskLevel": "risk" }
            """).RootElement, "Africa/Nairobi").Input!;
        var actor = new Actor(lead.Id, lead.Email, orgId, Role.SecurityLead);
        var incidentId = (await new IncidentCommands(ctx, clock).CreateAsync(actor, input)).Value!.Id;
        // The duties' own reminders are not what this test is about: decide them so only the tasks remind.
        var ws = new IncidentCommands(ctx, clock);
        foreach (var duty in (await ws.ObligationsAsync(actor, incidentId, withHistory: false)).Value!)
            await ws.DecideNotRequiredAsync(actor, duty.Id, "Not part of this test: only the tasks should remind.");
        return new World(db, clock, orgId, incidentId, lead.Id, actor);
    }

    private static TaskCommands Tasks(ComplianceDbContext ctx, FixedClock clock) => new(ctx, clock);

    private static ReminderSweep Sweep(World w, SmtpSink sink) =>
        new(() => ComplianceDatabase.CreateContext(w.Db),
            new SmtpMailTransport(SmtpTransportOptions.FromMailOptions(new MailOptions("tracker@haki.example", "127.0.0.1", sink.Port, false, null, null, 2, "")), w.Clock),
            TemplateLibrary.Default, w.Clock, new ReminderSweep.Settings(), new PublicAddress(new Uri("https://breach.haki.example")), NullLogger<ReminderSweep>.Instance);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_due_task_reminds_its_owner_and_a_done_one_does_not(DatabaseProvider provider)
    {
        var w = await IncidentAsync(provider);
        Guid dueTask, doneTask;
        await using (var ctx = ComplianceDatabase.CreateContext(w.Db))
        {
            var tasks = Tasks(ctx, w.Clock);
            dueTask = (await tasks.Add.HandleAsync(w.Lead, new AddTask.Request(w.IncidentId, new TaskInput(TaskKind.LawEnforcement, "Report to the Kenyan police cybercrime unit",
                w.LeadId, Aware + Duration.FromHours(24), null, null, null)))).Value!.Id;
            doneTask = (await tasks.Add.HandleAsync(w.Lead, new AddTask.Request(w.IncidentId, new TaskInput(TaskKind.Staff, "Tell staff what to watch for",
                w.LeadId, Aware + Duration.FromHours(24), null, null, null)))).Value!.Id;
            var done = await tasks.Move.HandleAsync(w.Lead, new ChangeTaskState.Request(w.IncidentId, doneTask, TaskState.Done, Notes: "Told at the all-staff call."));
            Assert.True(done.IsOk);
        }
        using var sink = new SmtpSink();
        w.Clock.Now = Aware + Duration.FromHours(20) + Duration.FromMinutes(1); // past "4 hours before", before "1 hour before"

        await Sweep(w, sink).RunAsync();
        await Sweep(w, sink).RunAsync();

        var messages = sink.Messages().Select(Decode).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains("X-Rcpt-Args: <lead@haki.example>", m));
        Assert.All(messages, m => Assert.Contains("Report to the Kenyan police cybercrime unit", m));
        Assert.Contains(messages, m => m.Contains($"https://breach.haki.example/Incidents/{w.IncidentId}/Tasks/{dueTask}"));
        Assert.DoesNotContain(messages, m => m.Contains("Tell staff what to watch for"));
        Assert.Equal(messages.Count, messages.Distinct().Count()); // each reminder once, however many sweeps run

        await using var read = ComplianceDatabase.CreateContext(w.Db);
        var reminders = await read.Reminders.Where(r => r.TaskId != null).ToListAsync();
        Assert.All(reminders.Where(r => r.TaskId == doneTask), r => Assert.Equal(ReminderState.Cancelled, r.State)); // planned when added, stopped when done
        Assert.Contains(reminders, r => r.TaskId == dueTask && r.Kind == ReminderKind.Overdue); // admins hear of it daily once it is overdue
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Marking_a_task_not_needed_cancels_its_unsent_reminders(DatabaseProvider provider)
    {
        var w = await IncidentAsync(provider);
        await using var ctx = ComplianceDatabase.CreateContext(w.Db);
        var tasks = Tasks(ctx, w.Clock);
        var id = (await tasks.Add.HandleAsync(w.Lead, new AddTask.Request(w.IncidentId, new TaskInput(TaskKind.Insurer, "Notify the insurer", w.LeadId, Aware + Duration.FromHours(72), null, null, null)))).Value!.Id;
        Assert.Contains(await ctx.Reminders.Where(r => r.TaskId == id).ToListAsync(), r => r.State == ReminderState.Pending);

        await tasks.Move.HandleAsync(w.Lead, new ChangeTaskState.Request(w.IncidentId, id, TaskState.NotNeeded, Reason: "We hold no cyber policy."));

        Assert.All(await ctx.Reminders.Where(r => r.TaskId == id).ToListAsync(), r => Assert.Equal(ReminderState.Cancelled, r.State));
    }

    private static string Decode(string text)
    {
        text = Regex.Replace(text, @"=\?utf-8\?B\?([^?]*)\?=", m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)), RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\?=\s+=\?", "");
        text = Regex.Replace(text, @"=\r?\n", "");
        return Regex.Replace(text, @"(?:=[0-9A-F]{2})+", m => System.Text.Encoding.UTF8.GetString(
            Regex.Matches(m.Value, "=([0-9A-F]{2})").Select(x => Convert.ToByte(x.Groups[1].Value, 16)).ToArray()));
    }
}
