using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Tasks;

// The task pages and the task API call the same handlers: the same checks, one save with its audit line and re-plan.
public sealed class TaskHandlerTests
{
    private static readonly Instant Aware = Instant.FromUtc(2026, 3, 6, 9, 0);
    private static readonly FixedClock Clock = new(Aware + Duration.FromHours(1));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Adding_a_task_is_checked_allowed_to_those_who_change_tasks_and_audited(DatabaseProvider provider)
    {
        var (db, lead, incident) = await IncidentAsync(provider);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var tasks = new TaskCommands(ctx, Clock);
        var police = new TaskInput(TaskKind.LawEnforcement, "Report to the police", lead.UserId, Aware + Duration.FromHours(24), null, "CR-1", null);

        var bad = await tasks.Add.HandleAsync(lead, new AddTask.Request(incident, police with { Title = " ", OwnerUserId = Guid.NewGuid() }));
        Assert.Equal(["ownerId", "title"], bad.Errors.Keys.Order());
        Assert.Equal(OutcomeStatus.Forbidden, (await tasks.Add.HandleAsync(lead with { Role = Role.Legal }, new AddTask.Request(incident, police))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await tasks.Add.HandleAsync(lead with { OrganisationId = Guid.NewGuid() }, new AddTask.Request(incident, police))).Status);

        var added = await tasks.Add.HandleAsync(lead, new AddTask.Request(incident, police));
        Assert.True(added.IsOk);
        Assert.Single(await ctx.AuditEntries.Where(e => e.Action == "task.added").ToListAsync());
        Assert.True(await ctx.Reminders.AnyAsync(r => r.TaskId == added.Value!.Id)); // re-planned in the same save
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_patch_that_edits_and_moves_a_task_saves_both_or_neither(DatabaseProvider provider)
    {
        var (db, lead, incident) = await IncidentAsync(provider);
        Guid id;
        await using (var ctx = ComplianceDatabase.CreateContext(db))
            id = (await new TaskCommands(ctx, Clock).Add.HandleAsync(lead, new AddTask.Request(incident,
                new TaskInput(TaskKind.Insurer, "Notify the insurer", null, null, null, null, null)))).Value!.Id;
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            var tasks = new TaskCommands(ctx, Clock);
            var edit = new TaskInput(TaskKind.Insurer, "Notify the cyber insurer", null, null, null, null, null);
            var refused = await tasks.Change.HandleAsync(lead, new ChangeTask.Request(incident, id, edit,
                new ChangeTaskState.Request(incident, id, TaskState.NotNeeded, Reason: "no")));
            Assert.Equal(["reason"], refused.Errors.Keys);
            Assert.Equal(OutcomeStatus.Forbidden, (await tasks.Change.HandleAsync(lead with { Role = Role.Viewer }, new ChangeTask.Request(incident, id, edit, null))).Status);
        }
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            Assert.Equal("Notify the insurer", (await ctx.IncidentTasks.SingleAsync(t => t.Id == id)).Title); // the refused edit was not saved
            var changed = await new TaskCommands(ctx, Clock).Change.HandleAsync(lead, new ChangeTask.Request(incident, id,
                new TaskInput(TaskKind.Insurer, "Notify the cyber insurer", null, null, null, null, null),
                new ChangeTaskState.Request(incident, id, TaskState.NotNeeded, Reason: "We hold no cyber policy.")));
            Assert.True(changed.IsOk);
            Assert.Equal(["task.edited", "task.state-changed"], await ctx.AuditEntries.Where(e => e.Action.StartsWith("task.") && e.Action != "task.added")
                .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        }
    }

    private static async Task<(DatabaseOptions Db, Actor Lead, Guid Incident)> IncidentAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var orgId = Guid.NewGuid();
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(orgId, "Haki Network", "Africa/Nairobi", [JurisdictionCode.Parse("KE")], []) { TaskTemplates = "[]" });
        var user = new User(Guid.NewGuid(), "lead@haki.example", "Wanjiru Lead", Clock.Now);
        ctx.Users.Add(user);
        ctx.Members.Add(new Member(Guid.NewGuid(), orgId, user.Id, Role.SecurityLead));
        await ctx.SaveChangesAsync();
        var input = IncidentInput.Parse(JsonDocument.Parse($$"""
            { "title": "Donor CRM exposed", "awareAt": "{{Aware}}", "dataCategories": ["name", "email"],
              "affected": [{ "jurisdiction": "KE", "count": 900 }], "exfiltration": "confirmed", "encryption": "encrypted",
              "cause": "misconfiguration", "riskLevel": "risk" }
            """).RootElement, "Africa/Nairobi").Input!;
        var lead = new Actor(user.Id, user.Email, orgId, Role.SecurityLead);
        var incident = (await new TaskCommands(ctx, Clock).Incidents.CreateAsync(lead, input)).Value!.Id;
        return (db, lead, incident);
    }
}
