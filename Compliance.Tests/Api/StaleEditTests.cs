using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Tests.People;
using Compliance.Tests.Support;

namespace Compliance.Tests.Api;

/// <summary>
/// Two people editing one task or one person's safety flags from the same version: the first change lands, the second
/// is a 409 naming nothing lost, and the first change stands. The ETag is the version an edit sends back in If-Match.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StaleEditTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_task_changed_since_it_was_read_is_not_overwritten(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, $"Stale task {Guid.NewGuid():N}");
        using var added = await world.PostJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/tasks", """{ "kind": "staff", "title": "Tell staff" }""");
        var task = await world.ReadJsonAsync(added);
        var etag = added.Headers.ETag!.Tag;
        var path = $"/api/v1/incidents/{incident}/tasks/{task.GetProperty("id").GetGuid()}";
        Assert.Equal($"\"{task.GetProperty("version").GetInt32()}\"", etag);

        using var first = await world.PatchJsonAsync(Caller.SecurityLead, path, """{ "title": "Tell staff before the press does" }""", etag);
        using var second = await world.PatchJsonAsync(Caller.Admin, path, """{ "title": "Tell staff on Monday" }""", etag);
        using var malformed = await world.PatchJsonAsync(Caller.Admin, path, """{ "title": "Tell staff on Monday" }""", "yesterday");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else changed this task", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("ETag of the task", IncidentStoryTests.ErrorsOf(await malformed.Content.ReadAsStringAsync(), "If-Match"));
        var list = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/tasks?limit=200"));
        var stored = list.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == task.GetProperty("id").GetGuid());
        Assert.Equal("Tell staff before the press does", stored.GetProperty("title").GetString());

        using var again = await world.PatchJsonAsync(Caller.Admin, path, """{ "title": "Tell staff on Monday" }""", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Safety_flags_changed_since_they_were_read_are_not_overwritten(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, $"Stale flags {Guid.NewGuid():N}");
        await PeopleApi.ImportAsync(world, incident, PeopleApi.Csv(1));
        var person = Assert.Single(await PeopleApi.ListAsync(world, incident));
        var version = $"\"{person.GetProperty("version").GetInt32()}\"";
        var path = $"{PeopleApi.PathOf(incident)}/{person.GetProperty("id").GetGuid()}";

        using var first = await world.PatchJsonAsync(Caller.SecurityLead, path, """{ "doNotEmail": true, "delegateTo": "The Macau office" }""", version);
        using var second = await world.PatchJsonAsync(Caller.Legal, path, """{ "doNotEmail": false }""", version);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var after = Assert.Single(await PeopleApi.ListAsync(world, incident));
        Assert.True(after.GetProperty("doNotEmail").GetBoolean());
        Assert.Equal(first.Headers.ETag!.Tag, $"\"{after.GetProperty("version").GetInt32()}\"");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_admins_editing_the_settings_or_the_task_templates_from_one_version_cannot_both_save(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        using var read = await world.GetAsync(Caller.Admin, "/api/v1/organisation");
        var settings = await world.ReadJsonAsync(read);
        var etag = read.Headers.ETag!.Tag;
        var same = $$"""{ "requireTwoFactor": {{(settings.GetProperty("requireTwoFactor").GetBoolean() ? "true" : "false")}} }""";
        var templates = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, "/api/v1/task-templates"));

        using var first = await world.PatchJsonAsync(Caller.Admin, "/api/v1/organisation", same, etag);
        using var second = await world.PatchJsonAsync(Caller.Admin, "/api/v1/organisation", same, etag);
        using var staleTemplates = await world.SendAsync(Caller.Admin, HttpMethod.Put, "/api/v1/task-templates", ApiWorld.Json(templates.GetRawText()),
            r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        using var freshTemplates = await world.SendAsync(Caller.Admin, HttpMethod.Put, "/api/v1/task-templates", ApiWorld.Json(templates.GetRawText()),
            r => r.Headers.TryAddWithoutValidation("If-Match", first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Another admin changed the organisation's settings", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, staleTemplates.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshTemplates.StatusCode);
        Assert.NotEqual(first.Headers.ETag!.Tag, freshTemplates.Headers.ETag!.Tag);
    }
}
