using System.Net;
using System.Text;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.People;

/// <summary>GET /incidents/{id}/people: the list a page at a time, for the roles the People page admits, every page audited.</summary>
[Collection(ApiCollection.Name)]
public sealed class PeopleApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_pages_hold_everyone_once_in_the_list_order_and_the_last_has_no_next(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, "Paging through supporters");
        await PeopleApi.ImportAsync(world, incident, PeopleApi.Csv(5));

        var first = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, PeopleApi.PathOf(incident) + "?limit=3"));
        var next = first.GetProperty("next").GetString()!;
        Assert.StartsWith($"{PeopleApi.PathOf(incident)}?limit=3&after=", next);
        var second = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, next));
        Assert.Null(second.GetProperty("next").GetString());

        var people = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        // Hong Kong's three first, then Macau's two, each in the file's order; nobody twice, nobody missing.
        Assert.Equal(["Supporter 1", "Supporter 3", "Supporter 5", "Supporter 2", "Supporter 4"], people.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(5, people.Select(p => p.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(["HK", "HK", "HK", "MO", "MO"], people.Select(p => p.GetProperty("jurisdiction").GetString()));

        var views = await PeopleApi.AuditAsync(world, incident, "people.viewed");
        Assert.Equal([3, 2], views.Where(v => v.GetProperty("purpose").GetString() == "people list (API)").Select(v => v.GetProperty("count").GetInt32()));
        Assert.DoesNotContain(views, v => v.ToString().Contains("Supporter", StringComparison.Ordinal));

        var macau = await PeopleApi.ListAsync(world, incident, "?jurisdiction=mo");
        Assert.Equal(["Supporter 2", "Supporter 4"], macau.Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_cursor_limit_or_jurisdiction_is_a_400_naming_it(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var path = PeopleApi.PathOf(world.IncidentId);
        var wrongShape = Convert.ToBase64String(Encoding.UTF8.GetBytes("""["HK","two","x"]""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        (string Query, string Field)[] cases =
        [
            ("?after=not-a-cursor", "after"), ($"?after={wrongShape}", "after"), ("?limit=0", "limit"), ("?limit=201", "limit"),
            ("?jurisdiction=Hong%20Kong", "jurisdiction"),
        ];
        foreach (var (query, field) in cases)
        {
            using var response = await world.GetAsync(Caller.SecurityLead, path + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotEmpty(PeopleApi.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_security_leads_and_legal_staff_see_the_list_and_other_organisations_see_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var path = PeopleApi.PathOf(world.IncidentId);
        foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal })
        {
            using var allowed = await world.GetAsync(caller, path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        // The People page refuses admins, viewers and the incident's own responder alike.
        foreach (var caller in new[] { Caller.Admin, Caller.Viewer, Caller.ResponderOnThisIncident })
        {
            using var refused = await world.GetAsync(caller, path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        foreach (var caller in new[] { Caller.OtherOrganisation, Caller.ResponderOnAnotherIncident })
        {
            using var hidden = await world.GetAsync(caller, path);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using var beta = await world.GetAsync(Caller.SecurityLead, PeopleApi.PathOf(world.BetaIncidentId));
        Assert.Equal(HttpStatusCode.NotFound, beta.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Chinese_and_Arabic_names_come_back_as_they_were_written(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, "Names in every script");
        const string csv = PeopleApi.Header + "\n陳大文,chan@example.org,HK,zh-Hant,\nمحمد عبد الله,,HK,ar,+852 5555 0101\n";
        var report = await PeopleApi.UploadedAsync(world, incident, csv);
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        // Confirmed with no body at all: the columns guessed for the check are the ones imported.
        await world.ReadJsonAsync(await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{PeopleApi.PathOf(incident)}/uploads/{report.GetProperty("id").GetGuid()}/import"));

        var people = await PeopleApi.ListAsync(world, incident);
        Assert.Equal([("陳大文", "zh-Hant"), ("محمد عبد الله", "ar")], people.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("language").GetString())));
        // No email: reached some other way, with the phone the worklist shows; an emailed person's phone is not listed.
        Assert.Equal((true, "no email address", "+852 5555 0101"),
            (people[1].GetProperty("needsManualContact").GetBoolean(), people[1].GetProperty("manualContactReason").GetString(), people[1].GetProperty("phone").GetString()));
        Assert.False(people[0].GetProperty("needsManualContact").GetBoolean());
    }
}
