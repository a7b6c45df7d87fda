using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Tasks;

// An organisation's template list: every new incident starts with it; editing it changes what later incidents get, never earlier ones.
public sealed class TaskTemplateTests
{
    private static readonly Instant Aware = Instant.FromUtc(2026, 5, 4, 7, 0);

    private static IncidentInput Input(string title) => IncidentInput.Parse(JsonDocument.Parse($$"""
        { "title": "{{title}}", "awareAt": "{{Aware}}", "dataCategories": ["name", "email"],
          "affected": [{ "jurisdiction": "IE", "count": 300 }], "exfiltration": "suspected", "encryption": "none",
          "cause": "phishing", "riskLevel": "risk" }
        """).RootElement, "Europe/Dublin").Input!;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_edited_template_shapes_new_incidents_and_leaves_earlier_ones_alone(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var clock = new FixedClock(Aware + Duration.FromHours(2));
        var orgId = Guid.NewGuid();
        await using var ctx = ComplianceDatabase.CreateContext(db);
        ctx.Organisations.Add(new Organisation(orgId, "Cearta", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []));
        var board = new User(Guid.NewGuid(), "chair@cearta.example", "Aoife Chair", clock.Now);
        ctx.Users.Add(board);
        ctx.Members.Add(new Member(Guid.NewGuid(), orgId, board.Id, Role.Legal));
        await ctx.SaveChangesAsync();
        var tasks = new TaskCommands(ctx, clock);
        var workspace = tasks.Incidents;
        var lead = new Actor(Guid.NewGuid(), "lead@cearta.example", orgId, Role.SecurityLead);
        var admin = new Actor(Guid.NewGuid(), "admin@cearta.example", orgId, Role.Admin);

        var first = (await workspace.CreateAsync(lead, Input("Phished mailbox"))).Value!.Id;
        var firstTasks = (await tasks.Query.ListAsync(lead, first)).Value!;
        Assert.Equal(TaskTemplates.NgoDefault.Select(t => t.Title).Order(), firstTasks.Select(t => t.Title).Order());
        Assert.All(firstTasks, t => Assert.True(t.FromTemplate));
        Assert.Equal(Aware + Duration.FromHours(72), firstTasks.Single(t => t.Kind == TaskKind.LawEnforcement).DueAt);

        Assert.Equal(OutcomeStatus.Forbidden, (await tasks.SaveTemplates.HandleAsync(lead, new([]))).Status); // only admins keep the list
        var bad = await tasks.SaveTemplates.HandleAsync(admin, new([new TaskTemplate(TaskKind.Staff, "Tell staff"), new TaskTemplate(TaskKind.Board, " ", DueHours: -4)]));
        Assert.Equal(["templates[1].dueHours", "templates[1].title"], bad.Errors.Keys.Order());
        var saved = await tasks.SaveTemplates.HandleAsync(admin, new(
        [
            new TaskTemplate(TaskKind.Board, "Call the chair of the board", OwnerUserId: board.Id, DueHours: 6),
            new TaskTemplate(TaskKind.Cert, "Report to NCSC Ireland", OwnerRole: Role.Legal),
        ]));
        Assert.True(saved.IsOk);

        var second = (await workspace.CreateAsync(lead, Input("Lost laptop"))).Value!.Id;
        var secondTasks = (await tasks.Query.ListAsync(lead, second)).Value!;
        Assert.Equal(["Call the chair of the board", "Report to NCSC Ireland"], secondTasks.Select(t => t.Title).Order());
        var call = secondTasks.Single(t => t.Kind == TaskKind.Board);
        Assert.Equal(board.Id, call.OwnerUserId);
        Assert.Equal(Aware + Duration.FromHours(6), call.DueAt);
        Assert.Equal(board.Id, secondTasks.Single(t => t.Kind == TaskKind.Cert).OwnerUserId); // by role: the organisation's one legal member
        Assert.Null(secondTasks.Single(t => t.Kind == TaskKind.Cert).DueAt);
        Assert.Equal(TaskTemplates.NgoDefault.Count, (await tasks.Query.ListAsync(lead, first)).Value!.Count); // the earlier incident keeps its tasks

        var audit = await ctx.AuditEntries.Where(e => e.OrganisationId == orgId).Select(e => new { e.Action, e.IncidentId }).ToListAsync();
        Assert.Equal(2, audit.Count(e => e.Action == "task.created-from-template" && e.IncidentId == second));
        Assert.Single(audit, e => e.Action == "task-templates.updated");
    }

    [Fact]
    public void The_stored_list_round_trips_and_an_emptied_list_stays_empty()
    {
        var template = new TaskTemplate(TaskKind.Staff, "Tell staff", DueHours: 48);
        Assert.Equal(Instant.FromUtc(2026, 5, 6, 7, 0), template.DueFrom(Aware));
        Assert.Equal(TaskTemplates.NgoDefault, TaskTemplates.Read(null));
        Assert.Empty(TaskTemplates.Read("[]")); // an emptied list stays empty rather than falling back to the default
        var roundTrip = TaskTemplates.Read(TaskTemplates.Write([template with { OwnerRole = Role.Admin }]));
        Assert.Equal(template with { OwnerRole = Role.Admin }, Assert.Single(roundTrip));
    }
}
