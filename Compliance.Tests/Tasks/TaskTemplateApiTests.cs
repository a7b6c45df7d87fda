using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Organisations;
using Compliance.Tests.Support;

namespace Compliance.Tests.Tasks;

/// <summary>
/// The task template page through the API (admins only): the list every new incident starts with. Alpha's list is
/// shared by every API test that logs an incident, so each test puts back the list it found.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TaskTemplateApiTests(ApiServers servers)
{
    private const string Path = "/api/v1/task-templates";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_replaces_the_list_and_the_next_incident_starts_with_it(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = await TemplatesAsync(world, Caller.Admin);
        var legal = (await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, "/api/v1/me"))).GetProperty("userId").GetGuid();
        var police = $"Report to the Hong Kong police {Guid.NewGuid():N}";
        try
        {
            var saved = await world.ReadJsonAsync(await PutAsync(world, Caller.Admin, $$"""
                { "templates": [
                    { "kind": "law-enforcement", "title": "  {{police}}  ", "ownerRole": "security-lead", "dueHours": 72 },
                    { "kind": "board", "title": "Brief the board", "ownerId": "{{legal}}" } ] }
                """));
            var rows = saved.GetProperty("templates").EnumerateArray().ToList();
            Assert.Equal([police, "Brief the board"], rows.Select(r => r.GetProperty("title").GetString()));
            Assert.Equal(("security-lead", legal), (rows[0].GetProperty("ownerRole").GetString(), rows[1].GetProperty("ownerId").GetGuid()));
            Assert.Equal(saved.ToString(), (await TemplatesAsync(world, Caller.Admin)).ToString());

            var incident = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents", ApiWorld.HongKongIncident("Template check")));
            var tasks = (await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident.GetProperty("id").GetGuid()}/tasks?limit=200")))
                .GetProperty("tasks").EnumerateArray().ToList();
            var report = Assert.Single(tasks, t => t.GetProperty("fromTemplate").GetBoolean() && t.GetProperty("kind").GetString() == "law-enforcement");
            Assert.Equal(police, report.GetProperty("title").GetString());
            Assert.StartsWith("2019-03-18T09:00", report.GetProperty("dueAt").GetString());
            Assert.Equal(legal, Assert.Single(tasks, t => t.GetProperty("kind").GetString() == "board").GetProperty("ownerId").GetGuid());
            Assert.Equal(2, tasks.Count(t => t.GetProperty("fromTemplate").GetBoolean()));

            var line = (await OrganisationApi.LinesAsync(world, "task-templates.updated")).First();
            Assert.Equal("admin@alpha.example", line.GetProperty("actor").GetString());
            Assert.Equal(2, line.GetProperty("data").GetProperty("after").GetInt32());
            Assert.Contains(police, line.GetProperty("data").GetProperty("templates").GetString());
        }
        finally
        {
            await RestoreAsync(world, Caller.Admin, before);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_admins_read_or_replace_the_list(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = await TemplatesAsync(world, Caller.Admin);
        var lines = (await OrganisationApi.LinesAsync(world, "task-templates.updated")).Count;

        foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal, Caller.Viewer, Caller.ResponderOnThisIncident })
        {
            using var read = await world.GetAsync(caller, Path);
            using var put = await PutAsync(world, caller, """{ "templates": [] }""");
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.StatusCode, put.StatusCode));
        }

        Assert.Equal(before.ToString(), (await TemplatesAsync(world, Caller.Admin)).ToString());
        Assert.Equal(lines, (await OrganisationApi.LinesAsync(world, "task-templates.updated")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_list_is_a_400_naming_each_task_and_field_and_the_list_stays(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = await TemplatesAsync(world, Caller.Admin);
        var lines = (await OrganisationApi.LinesAsync(world, "task-templates.updated")).Count;
        var betasAdmin = (await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, "/api/v1/me"))).GetProperty("userId").GetGuid();

        using var shape = await PutAsync(world, Caller.Admin, """
            { "templates": [{ "kind": "astrologer", "title": "Ask the stars", "colour": "red" }, { "kind": "board", "dueHours": "soon" }], "replace": true }
            """);
        using var rules = await PutAsync(world, Caller.Admin, $$"""
            { "templates": [{ "kind": "board", "title": "Brief the board", "dueHours": -1 }, { "kind": "staff", "title": "Tell staff", "ownerId": "{{betasAdmin}}" },
                            { "kind": "staff", "title": "Tell staff", "ownerRole": "responder" }] }
            """);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (shape.StatusCode, rules.StatusCode));
        var problem = await shape.Content.ReadAsStringAsync();
        Assert.Contains("not one of", IncidentStoryTests.ErrorsOf(problem, "templates[0].kind"));
        Assert.Contains("not a field", IncidentStoryTests.ErrorsOf(problem, "templates[0].colour"));
        Assert.Contains("is required", IncidentStoryTests.ErrorsOf(problem, "templates[1].title"));
        Assert.Contains("whole number", IncidentStoryTests.ErrorsOf(problem, "templates[1].dueHours"));
        Assert.Contains("not a field", IncidentStoryTests.ErrorsOf(problem, "replace"));
        problem = await rules.Content.ReadAsStringAsync();
        Assert.Contains("between 0 and", IncidentStoryTests.ErrorsOf(problem, "templates[0].dueHours"));
        Assert.Contains("not a member of your organisation", IncidentStoryTests.ErrorsOf(problem, "templates[1].ownerId"));
        Assert.Contains("cannot be responder", IncidentStoryTests.ErrorsOf(problem, "templates[2].ownerRole"));
        Assert.Equal(before.ToString(), (await TemplatesAsync(world, Caller.Admin)).ToString());
        Assert.Equal(lines, (await OrganisationApi.LinesAsync(world, "task-templates.updated")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_admin_changes_only_their_own_list(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var alpha = await TemplatesAsync(world, Caller.Admin);
        var beta = await TemplatesAsync(world, Caller.OtherOrganisation);
        try
        {
            var saved = await world.ReadJsonAsync(await PutAsync(world, Caller.OtherOrganisation, """{ "templates": [{ "kind": "donors", "title": "Tell Beta's donors" }] }"""));
            Assert.Equal("Tell Beta's donors", Assert.Single(saved.GetProperty("templates").EnumerateArray()).GetProperty("title").GetString());
            Assert.Equal(alpha.ToString(), (await TemplatesAsync(world, Caller.Admin)).ToString());
            Assert.DoesNotContain(await OrganisationApi.LinesAsync(world, "task-templates.updated"), l => l.GetProperty("data").ToString().Contains("Beta", StringComparison.Ordinal));
        }
        finally
        {
            await RestoreAsync(world, Caller.OtherOrganisation, beta);
        }
    }

    private static Task<HttpResponseMessage> PutAsync(ApiWorld world, Caller caller, string json) =>
        world.SendAsync(caller, HttpMethod.Put, Path, ApiWorld.Json(json));

    private static async Task<JsonElement> TemplatesAsync(ApiWorld world, Caller caller) => await world.ReadJsonAsync(await world.GetAsync(caller, Path));

    private static async Task RestoreAsync(ApiWorld world, Caller admin, JsonElement before)
    {
        var templates = before.GetProperty("templates").EnumerateArray().Select(t => t.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value)).ToList();
        await world.ReadJsonAsync(await PutAsync(world, admin, JsonSerializer.Serialize(new { templates })));
    }
}
