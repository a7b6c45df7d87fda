using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Members;
using Compliance.Tests.Support;

namespace Compliance.Tests.Audit;

/// <summary>
/// The organisation-wide audit log through the API: the audit page's filters as query parameters, the page's roles, and
/// keyset pages on the sequence that neither skip nor repeat a line, even while new lines are written.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Paging_through_the_log_gives_every_line_once_newest_first_even_while_lines_are_written(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        await NewIncidentAsync(world);
        var whole = Sequences(await MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/audit?includeReads=true&limit=200"));

        var first = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, "/api/v1/audit?includeReads=true&limit=4"));
        await NewIncidentAsync(world); // lines written while the tool pages through
        var rest = await MemberApi.AllPagesAsync(world, Caller.Admin, first.GetProperty("next").GetString()!);
        var paged = Sequences(first.GetProperty("items").EnumerateArray().Concat(rest).ToList());

        Assert.Equal(whole, paged);
        Assert.Equal(whole.OrderByDescending(s => s), whole);
        Assert.Equal(whole.Count, whole.Distinct().Count());
        Assert.Contains("limit=4", first.GetProperty("next").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_page_filters_narrow_the_log_by_incident_kind_person_dates_and_reads(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await NewIncidentAsync(world);
        using (var export = await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/audit?format=csv")) Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var about = $"/api/v1/audit?incident={incident}";

        var changes = await MemberApi.AllPagesAsync(world, Caller.Legal, about);
        var withReads = await MemberApi.AllPagesAsync(world, Caller.Legal, about + "&includeReads=true");
        var byLegal = await MemberApi.AllPagesAsync(world, Caller.Legal, about + "&includeReads=true&actor=legal@alpha.example");
        var duties = await MemberApi.AllPagesAsync(world, Caller.Legal, about + "&kind=duties");
        var thatDay = await MemberApi.AllPagesAsync(world, Caller.Legal, about + "&from=2019-03-16&to=2019-03-16");
        var later = await MemberApi.AllPagesAsync(world, Caller.Legal, about + "&from=" + Uri.EscapeDataString("2019-03-16T10:00:01+08:00"));

        Assert.Contains(changes, l => l.GetProperty("action").GetString() == "incident.created");
        Assert.All(changes, l => Assert.Equal(incident, l.GetProperty("incidentId").GetGuid()));
        Assert.DoesNotContain(changes, l => l.GetProperty("action").GetString() == "audit.exported");
        Assert.Equal("audit.exported", Assert.Single(byLegal).GetProperty("action").GetString());
        Assert.Equal(changes.Count + 1, withReads.Count);
        Assert.NotEmpty(duties);
        Assert.All(duties, l => Assert.Equal("Duties", l.GetProperty("kind").GetString()));
        Assert.Equal(changes.Count, thatDay.Count);
        Assert.Empty(later);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Those_who_may_not_export_the_log_are_refused_as_on_the_page(DatabaseProvider provider)
    {
        var world = await servers.For(provider);

        foreach (var caller in new[] { Caller.Viewer, Caller.ResponderOnThisIncident })
            using (var refused = await world.GetAsync(caller, "/api/v1/audit")) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        foreach (var caller in new[] { Caller.Admin, Caller.SecurityLead, Caller.Legal })
            using (var allowed = await world.GetAsync(caller, "/api/v1/audit")) Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisation_reads_only_its_own_log_and_its_incidents_are_not_found(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await NewIncidentAsync(world);

        var betas = await MemberApi.AllPagesAsync(world, Caller.OtherOrganisation, "/api/v1/audit?includeReads=true&limit=200");
        using var alphaIncident = await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/audit?incident={incident}");
        using var betaIncident = await world.GetAsync(Caller.Admin, $"/api/v1/audit?incident={world.BetaIncidentId}");

        Assert.NotEmpty(betas);
        Assert.DoesNotContain(betas, l => l.GetProperty("incidentId").ValueKind == JsonValueKind.String && l.GetProperty("incidentId").GetGuid() == incident);
        Assert.DoesNotContain(betas, l => l.GetProperty("actor").GetString()!.EndsWith("@alpha.example", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (alphaIncident.StatusCode, betaIncident.StatusCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(DatabaseProvider provider)
    {
        var world = await servers.For(provider);

        (string Query, string Parameter, string Words)[] cases =
        [
            ("kind=Gossip", "kind", "Filings"),
            ("from=yesterday", "from", "2026-11-22"),
            ("from=2019-03-16&to=2019-03-10", "to", "after from"),
            ("incident=42", "incident", "not an incident id"),
            ("includeReads=maybe", "includeReads", "true or false"),
            ("after=bm90LWEtY3Vyc29y", "after", "not a cursor"),
            ("limit=500", "limit", "200"),
            ("who=legal", "who", "not a filter"),
        ];
        foreach (var (query, parameter, words) in cases)
        {
            using var refused = await world.GetAsync(Caller.Admin, "/api/v1/audit?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(words, IncidentStoryTests.ErrorsOf(await refused.Content.ReadAsStringAsync(), parameter));
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_filters_and_the_paging_parameters()
    {
        var world = await servers.For(DatabaseProvider.Sqlite);
        var document = JsonDocument.Parse(await world.App.Client.GetStringAsync("/api/openapi/v1.json")).RootElement;
        var parameters = document.GetProperty("paths").GetProperty("/api/v1/audit").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToHashSet();

        Assert.Superset(new HashSet<string?> { "actor", "kind", "from", "to", "incident", "includeReads", "limit", "after" }, parameters);
    }

    private static List<long> Sequences(List<JsonElement> lines) => lines.Select(l => l.GetProperty("sequence").GetInt64()).ToList();

    private static async Task<Guid> NewIncidentAsync(ApiWorld world) =>
        (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents",
            ApiWorld.HongKongIncident($"Audit {Guid.NewGuid():N}")))).GetProperty("id").GetGuid();
}
