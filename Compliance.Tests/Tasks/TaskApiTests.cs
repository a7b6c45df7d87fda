using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Tasks;

/// <summary>Tasks beyond the law over the API: from the organisation's template, changed by the roles that may, audited, and invisible to another organisation.</summary>
[Collection(ApiCollection.Name)]
public sealed class TaskApiTests(ApiServers servers)
{
    private static string Tasks(Guid incident) => $"/api/v1/incidents/{incident}/tasks";

    private static async Task<T> Read<T>(ApiWorld world, Func<ComplianceDbContext, Task<T>> read)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_incident_starts_with_the_NGO_template_tasks_due_from_awareness(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var list = (await world.ReadJsonAsync(await world.GetAsync(Caller.Viewer, Tasks(world.OtherIncidentId)))).GetProperty("tasks").EnumerateArray().ToList();

        Assert.Equal(8, list.Count(t => t.GetProperty("fromTemplate").GetBoolean()));
        var police = Assert.Single(list, t => t.GetProperty("kind").GetString() == "law-enforcement");
        Assert.Equal("open", police.GetProperty("state").GetString());
        Assert.Equal("2019-03-18T09:00:00+08:00", police.GetProperty("dueAt").GetString()); // 72 hours after awareness, in the incident's zone
        foreach (var kind in new[] { "staff", "board", "donors", "partners-funders", "insurer", "platform-providers", "cert" })
            Assert.Contains(list, t => t.GetProperty("kind").GetString() == kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_police_report_is_added_edited_and_completed_and_every_step_is_audited(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var added = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, Tasks(world.IncidentId),
            """{ "kind": "law-enforcement", "title": "Report to the HK Police cybercrime bureau", "dueAt": "2019-03-17T12:00:00+08:00" }"""));
        var id = added.GetProperty("id").GetGuid();
        var path = $"{Tasks(world.IncidentId)}/{id}";

        var edited = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.SecurityLead, path,
            """{ "reportReference": "CSTCB-2019-0316", "officer": "Insp. Wong, Cyber Security and Technology Crime Bureau" }"""));
        Assert.Equal("CSTCB-2019-0316", edited.GetProperty("reportReference").GetString());
        Assert.Equal("Report to the HK Police cybercrime bureau", edited.GetProperty("title").GetString()); // untouched fields stay

        var done = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.ResponderOnThisIncident, path,
            """{ "state": "done", "doneAt": "2019-03-16T09:30:00+08:00" }"""));
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal("2019-03-16T09:30:00+08:00", done.GetProperty("doneAt").GetString());
        Assert.Equal(world.EmailOf(Caller.ResponderOnThisIncident), done.GetProperty("doneBy").GetString());

        var audit = await Read(world, db => db.AuditEntries.Where(e => e.IncidentId == world.IncidentId && e.Data.Contains(id.ToString()))
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Actor, e.Data }).ToListAsync());
        Assert.Equal(["task.added", "task.edited", "task.state-changed"], audit.Select(a => a.Action));
        Assert.Contains("CSTCB-2019-0316", audit[1].Data);
        Assert.Contains("\"after\":\"done\"", audit[2].Data);
        Assert.Equal(world.EmailOf(Caller.ResponderOnThisIncident), audit[2].Actor);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_task_is_not_found_and_a_viewer_or_legal_may_not_change_one(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var alphaTask = (await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, Tasks(world.IncidentId)))).GetProperty("tasks")[0].GetProperty("id").GetGuid();
        var betaTask = await Read(world, db => db.IncidentTasks.Where(t => t.IncidentId == world.BetaIncidentId).Select(t => t.Id).FirstAsync());

        // Beta's admin asking for Alpha's task, and Alpha's admin asking for Beta's task through Alpha's incident or Beta's.
        Assert.Equal(HttpStatusCode.NotFound, (await world.PatchJsonAsync(Caller.OtherOrganisation, $"{Tasks(world.IncidentId)}/{alphaTask}", """{ "state": "in-progress" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.PatchJsonAsync(Caller.Admin, $"{Tasks(world.IncidentId)}/{betaTask}", """{ "state": "in-progress" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.PatchJsonAsync(Caller.Admin, $"{Tasks(world.BetaIncidentId)}/{betaTask}", """{ "state": "in-progress" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Admin, Tasks(world.BetaIncidentId))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.PatchJsonAsync(Caller.Viewer, $"{Tasks(world.IncidentId)}/{alphaTask}", """{ "state": "in-progress" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.PatchJsonAsync(Caller.Legal, $"{Tasks(world.IncidentId)}/{alphaTask}", """{ "title": "Renamed by legal" }""")).StatusCode);
        var after = await Read(world, db => db.IncidentTasks.SingleAsync(t => t.Id == alphaTask));
        Assert.NotEqual("Renamed by legal", after.Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Not_needed_without_a_reason_and_an_owner_from_outside_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var task = (await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, Tasks(world.IncidentId)))).GetProperty("tasks")[0].GetProperty("id").GetGuid();
        var path = $"{Tasks(world.IncidentId)}/{task}";

        var noReason = await world.PatchJsonAsync(Caller.Admin, path, """{ "state": "not-needed" }""");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonDocument.Parse(await noReason.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("reason", out _));

        var betaAdmin = await Read(world, db => db.Users.Where(u => u.Email == world.EmailOf(Caller.OtherOrganisation)).Select(u => u.Id).SingleAsync());
        var outsider = await world.PatchJsonAsync(Caller.Admin, path, $$"""{ "ownerId": "{{betaAdmin}}" }""");
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Contains("not a member of your organisation", JsonDocument.Parse(await outsider.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("ownerId")[0].GetString());

        var decided = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.Admin, path, """{ "state": "not-needed", "reason": "Our insurer does not cover cyber incidents." }"""));
        Assert.Equal("not-needed", decided.GetProperty("state").GetString());
        Assert.Equal("Our insurer does not cover cyber incidents.", decided.GetProperty("notNeededReason").GetString());
    }
}
