using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.People;

/// <summary>PATCH /people/{personId} (safety flags) and POST /people/counts, with the People page's roles, validation and audit.</summary>
[Collection(ApiCollection.Name)]
public sealed class PeopleApiFlagsTests(ApiServers servers)
{
    private static async Task<(Guid Incident, Guid Person)> ActivistAsync(ApiWorld world, string title)
    {
        var incident = await PeopleApi.NewIncidentAsync(world, title);
        await PeopleApi.ImportAsync(world, incident, PeopleApi.Csv(3));
        return (incident, (await PeopleApi.ListAsync(world, incident))[0].GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> PersonAsync(ApiWorld world, Guid incident, Guid person) =>
        (await PeopleApi.ListAsync(world, incident)).Single(p => p.GetProperty("id").GetGuid() == person);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Flags_change_one_at_a_time_take_the_person_off_email_and_are_audited_without_their_text(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, person) = await ActivistAsync(world, "Flag the activist");
        var path = $"{PeopleApi.PathOf(incident)}/{person}";

        var flagged = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.Legal, path,
            """{ "doNotEmail": true, "delegateTo": "Her sister, +852 5555 0199", "redactions": "home district" }"""));
        Assert.Equal((true, true, "do not email: an email could endanger them"), (flagged.GetProperty("doNotEmail").GetBoolean(),
            flagged.GetProperty("needsManualContact").GetBoolean(), flagged.GetProperty("manualContactReason").GetString()));

        // A field left out keeps its value; null clears a text.
        var changed = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.SecurityLead, path, """{ "doNotEmail": false, "redactions": null }"""));
        Assert.Equal((false, "Her sister, +852 5555 0199", null, "reach them through Her sister, +852 5555 0199"),
            (changed.GetProperty("doNotEmail").GetBoolean(), changed.GetProperty("delegateTo").GetString(), changed.GetProperty("redactions").GetString(),
             changed.GetProperty("manualContactReason").GetString()));
        Assert.Equal("Her sister, +852 5555 0199", (await PersonAsync(world, incident, person)).GetProperty("delegateTo").GetString());

        var audit = await PeopleApi.AuditAsync(world, incident, "people.flags-changed");
        Assert.Equal([(true, true, true), (false, true, false)], audit.Select(a =>
            (a.GetProperty("doNotEmail").GetBoolean(), a.GetProperty("delegated").GetBoolean(), a.GetProperty("redacted").GetBoolean())));
        Assert.DoesNotContain(audit, a => a.ToString().Contains("sister", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_flags_are_400s_naming_the_field_and_change_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, person) = await ActivistAsync(world, "Bad flags");
        var path = $"{PeopleApi.PathOf(incident)}/{person}";
        (string Body, string Field, string Words)[] cases =
        [
            ("""{ "doNotEmail": "yes" }""", "doNotEmail", "true or false"),
            ($$"""{ "doNotEmail": true, "redactions": "{{new string('x', 1001)}}" }""", "redactions", "at most 1,000"),
            ("""{ "doNotEmail": true, "delegateTo": 7 }""", "delegateTo", "string"),
            ("""{ "doNotEmail": true, "safe": true }""", "safe", "not a safety flag"),
        ];
        foreach (var (body, field, words) in cases)
        {
            using var response = await world.PatchJsonAsync(Caller.SecurityLead, path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(words, PeopleApi.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        }
        var unchanged = await PersonAsync(world, incident, person);
        Assert.Equal((false, false), (unchanged.GetProperty("doNotEmail").GetBoolean(), unchanged.GetProperty("needsManualContact").GetBoolean()));
        Assert.Empty(await PeopleApi.AuditAsync(world, incident, "people.flags-changed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Flags_are_refused_to_roles_the_page_refuses_and_hidden_from_other_organisations(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, person) = await ActivistAsync(world, "Who may flag");
        const string body = """{ "doNotEmail": true }""";
        foreach (var caller in new[] { Caller.Admin, Caller.Viewer })
        {
            using var refused = await world.PatchJsonAsync(caller, $"{PeopleApi.PathOf(incident)}/{person}", body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var outsider = await world.PatchJsonAsync(Caller.OtherOrganisation, $"{PeopleApi.PathOf(incident)}/{person}", body);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        using var beta = await world.PatchJsonAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(world.BetaIncidentId)}/{person}", body);
        Assert.Equal(HttpStatusCode.NotFound, beta.StatusCode);
        using var unknown = await world.PatchJsonAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(incident)}/{Guid.NewGuid()}", body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False((await PersonAsync(world, incident, person)).GetProperty("doNotEmail").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_counts_follow_the_list_for_a_security_lead_only_and_the_change_is_audited(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, _) = await ActivistAsync(world, "Count from the list");
        var path = $"{PeopleApi.PathOf(incident)}/counts";
        foreach (var caller in new[] { Caller.Legal, Caller.Admin, Caller.Viewer })
        {
            using var refused = await world.PostJsonAsync(caller, path, "");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var beta = await world.PostJsonAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(world.BetaIncidentId)}/counts", "");
        Assert.Equal(HttpStatusCode.NotFound, beta.StatusCode);
        var before = await world.ReadJsonAsync(await world.GetAsync(Caller.Viewer, $"/api/v1/incidents/{incident}"));
        var version = before.GetProperty("version").GetInt32();

        using var response = await world.PostJsonAsync(Caller.SecurityLead, path, "");
        var counted = await world.ReadJsonAsync(response);
        Assert.Equal([("HK", 2), ("MO", 1)], counted.GetProperty("affected").EnumerateArray().Select(a => (a.GetProperty("jurisdiction").GetString(), a.GetProperty("count").GetInt32())));
        Assert.Equal((version + 1, $"\"{version + 1}\""), (counted.GetProperty("version").GetInt32(), response.Headers.ETag!.Tag));
        Assert.Single(await PeopleApi.AuditAsync(world, incident, "incident.updated"));
    }
}
