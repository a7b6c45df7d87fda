using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

namespace Compliance.Tests.Api;

/// <summary>
/// Every list is paged with ?limit= and the "next" link: a tool that follows the links sees each item once, in the
/// list's order, even when items are added while it pages; a bad limit or cursor is a 400 naming it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PagingTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Following_next_reads_the_timeline_once_in_order_even_when_an_earlier_event_is_added_meanwhile(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await NewIncidentAsync(world);
        for (var hour = 10; hour <= 14; hour++) await AddEventAsync(world, incident, $"2019-03-15T{hour}:00:00+08:00", $"Event at {hour}");

        var first = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/timeline?limit=2"));
        await AddEventAsync(world, incident, "2019-03-15T09:30:00+08:00", "Found later, happened first");
        var seen = Descriptions(first, "events");
        var next = first.GetProperty("next").GetString();
        var pages = 1;
        while (next is not null)
        {
            var page = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, next));
            seen.AddRange(Descriptions(page, "events"));
            next = page.GetProperty("next").GetString();
            pages++;
        }

        Assert.Equal(["Event at 10", "Event at 11", "Event at 12", "Event at 13", "Event at 14"], seen.Where(d => d.StartsWith("Event", StringComparison.Ordinal)));
        Assert.DoesNotContain("Found later, happened first", seen); // it sorts before the cursor: the next full read shows it
        Assert.Equal(3, pages);
        var all = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/timeline"));
        Assert.Equal("Found later, happened first", Descriptions(all, "events")[0]);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Incidents_tasks_contacts_and_the_audit_log_page_with_the_same_links(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await NewIncidentAsync(world);
        foreach (var title in new[] { "Tell the board", "Tell staff", "Brief partners" })
            await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/tasks", $$"""{ "kind": "staff", "title": "{{title}}" }"""));

        foreach (var (path, items) in new[]
                 {
                     ("/api/v1/incidents", "incidents"), ($"/api/v1/incidents/{incident}/tasks", "tasks"),
                     ($"/api/v1/incidents/{incident}/audit", "entries"), ($"/api/v1/incidents/{incident}/contacts", "contacts"),
                 })
        {
            var whole = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, path + "?limit=200"));
            var ids = new List<string>();
            string? next = path + "?limit=1";
            while (next is not null)
            {
                var page = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, next));
                ids.AddRange(page.GetProperty(items).EnumerateArray().Select(Identity));
                next = page.GetProperty("next").GetString();
            }
            Assert.Equal(whole.GetProperty(items).EnumerateArray().Select(Identity), ids);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_limit_or_cursor_is_a_400_naming_it(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=201", "limit"), ("limit=ten", "limit"), ("after=not-a-cursor", "after"), ("after=WyJ4Il0", "after") })
        {
            using var response = await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotEmpty(IncidentStoryTests.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        }
    }

    private static string Identity(JsonElement item) =>
        item.TryGetProperty("id", out var id) ? id.ToString() : item.GetProperty("sequence").ToString();

    private static List<string> Descriptions(JsonElement page, string items) =>
        page.GetProperty(items).EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();

    private static async Task<Guid> NewIncidentAsync(ApiWorld world) =>
        (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents", ApiWorld.HongKongIncident($"Paging {Guid.NewGuid():N}"))))
        .GetProperty("id").GetGuid();

    private static async Task AddEventAsync(ApiWorld world, Guid incident, string at, string description) =>
        await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/timeline",
            $$"""{ "at": "{{at}}", "description": "{{description}}" }"""));
}
