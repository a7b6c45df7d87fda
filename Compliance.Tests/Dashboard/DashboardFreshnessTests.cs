using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Pages;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Tasks;
using Compliance.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Dashboard;

// The dashboard reads an organisation once per change, not once per view. These tests change the database the way
// another web node would (through the domain, or behind the app's back) and look at this node's dashboard straight away.
public sealed class DashboardFreshnessTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task A_change_made_elsewhere_shows_on_the_next_view_and_an_unchanged_organisation_is_not_read_again()
    {
        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        var organisation = await DemoOrganisationAsync();
        var before = await viewer.HtmlAsync("/");
        var first = Snapshot(organisation);
        await viewer.HtmlAsync("/");
        Assert.Same(first, Snapshot(organisation));   // nothing changed: the same snapshot served the second view

        var added = await app.ReadAsync(async db => (await new TaskCommands(db, app.Clock).Add.HandleAsync(await LeadAsync(db),
            new AddTask.Request(PagesApp.HongKong2019, new TaskInput(TaskKind.Insurer, "Tell the insurer about the 2019 intrusion", null, null, null, null, null)))).Value!);

        var after = await viewer.HtmlAsync("/");
        Assert.DoesNotContain("Tell the insurer about the 2019 intrusion", before);
        Assert.Contains($"data-task=\"{added.Id}\"", after);
        Assert.Contains("Tell the insurer about the 2019 intrusion", after);
        Assert.NotSame(first, Snapshot(organisation));
    }

    [Fact]
    public async Task A_change_without_an_audit_line_shows_within_a_minute()
    {
        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        var task = await app.ReadAsync(async db => (await new TaskCommands(db, app.Clock).Add.HandleAsync(await LeadAsync(db),
            new AddTask.Request(PagesApp.Canada2022, new TaskInput(TaskKind.Board, "Brief the board", null, null, null, null, null)))).Value!);
        Assert.Contains("Brief the board", await viewer.HtmlAsync("/"));

        // Behind the app's back (no audit line): say, an operator's hand repair in the database.
        await app.ReadAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE incident_tasks SET \"Title\" = {"Renamed by hand"} WHERE \"Id\" = {task.Id}"));
        app.Clock.Advance(DashboardSnapshots.MaxAge + Duration.FromSeconds(1));

        Assert.Contains("Renamed by hand", await viewer.HtmlAsync("/"));
    }

    private DashboardSnapshot? Snapshot(Guid organisation) => ((DashboardSnapshots)app.Services.GetService(typeof(DashboardSnapshots))!).Kept(organisation);

    private Task<Guid> DemoOrganisationAsync() =>
        app.ReadAsync(db => db.Incidents.IgnoreQueryFilters().Where(i => i.Id == PagesApp.HongKong2019).Select(i => i.OrganisationId).SingleAsync());

    private static async Task<Actor> LeadAsync(ComplianceDbContext db)
    {
        var lead = await db.Users.SingleAsync(u => u.Email == PagesApp.Lead);
        var member = await db.Members.SingleAsync(m => m.UserId == lead.Id && m.IncidentId == null);
        return new Actor(lead.Id, lead.Email, member.OrganisationId, member.Role);
    }
}
