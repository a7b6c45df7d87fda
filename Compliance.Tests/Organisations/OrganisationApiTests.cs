using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Organisations;

/// <summary>
/// The organisation page through the API: every member reads the settings, only admins change them (audited as on the
/// page), bad settings are refused field by field with nothing changed, and each organisation sees only its own.
/// Alpha and Beta are shared by every API test, so each test puts back what it changed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrganisationApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_renames_the_organisation_and_changes_its_reminders_and_every_member_reads_the_change(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = await OrganisationApi.GetAsync(world, Caller.Admin);
        var name = $"Alpha Rights {Guid.NewGuid():N}"[..24];
        try
        {
            var changed = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.Admin, "/api/v1/organisation",
                $$"""{ "name": "{{name}}", "reminderPolicy": "half, 24h, 1h" }"""));
            Assert.Equal((name, "half,24h,1h"), (changed.GetProperty("name").GetString(), changed.GetProperty("reminderPolicy").GetString()));
            Assert.Equal(before.GetProperty("timeZone").GetString(), changed.GetProperty("timeZone").GetString());
            Assert.Equal(["HK"], changed.GetProperty("establishments").EnumerateArray().Select(e => e.GetString()));

            foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal, Caller.Viewer })
                Assert.Equal(name, (await OrganisationApi.GetAsync(world, caller)).GetProperty("name").GetString());

            var line = Assert.Single(await OrganisationApi.LinesAsync(world, "organisation.updated"), l => l.GetProperty("data").ToString().Contains(name, StringComparison.Ordinal));
            Assert.Equal("admin@alpha.example", line.GetProperty("actor").GetString());
            var data = line.GetProperty("data");
            Assert.Equal((before.GetProperty("name").GetString(), name),
                (data.GetProperty("before").GetProperty("name").GetString(), data.GetProperty("after").GetProperty("name").GetString()));
        }
        finally
        {
            await OrganisationApi.RestoreAsync(world, Caller.Admin, before);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_admins_change_the_settings_and_a_refused_change_leaves_them_as_they_were(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = await OrganisationApi.GetAsync(world, Caller.Admin);
        var lines = (await OrganisationApi.LinesAsync(world, "organisation.updated")).Count;

        foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal, Caller.Viewer })
        {
            using var refused = await world.PatchJsonAsync(caller, "/api/v1/organisation", """{ "name": "Taken over", "establishments": ["IE"] }""");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(before.ToString(), (await OrganisationApi.GetAsync(world, Caller.Admin)).ToString());
        Assert.Equal(lines, (await OrganisationApi.LinesAsync(world, "organisation.updated")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_settings_are_a_400_naming_each_field_and_nothing_changes(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = await OrganisationApi.GetAsync(world, Caller.Admin);
        var lines = (await OrganisationApi.LinesAsync(world, "organisation.updated")).Count;

        using var unknown = await world.PatchJsonAsync(Caller.Admin, "/api/v1/organisation", """{ "name": "Renamed", "colour": "red", "requireTwoFactor": "yes" }""");
        using var facts = await world.PatchJsonAsync(Caller.Admin, "/api/v1/organisation",
            """{ "name": "Renamed", "timeZone": "Mars/Olympus", "establishments": ["HK", "Ireland"], "reminderPolicy": "often" }""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, facts.StatusCode));
        var problem = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("not a setting", IncidentStoryTests.ErrorsOf(problem, "colour"));
        Assert.Contains("not true or false", IncidentStoryTests.ErrorsOf(problem, "requireTwoFactor"));
        problem = await facts.Content.ReadAsStringAsync();
        Assert.Contains("IANA", IncidentStoryTests.ErrorsOf(problem, "timeZone"));
        Assert.Contains("ISO 3166", IncidentStoryTests.ErrorsOf(problem, "establishments[1]"));
        Assert.Contains("reminder policy", IncidentStoryTests.ErrorsOf(problem, "reminderPolicy"));
        Assert.Equal(before.ToString(), (await OrganisationApi.GetAsync(world, Caller.Admin)).ToString());
        Assert.Equal(lines, (await OrganisationApi.LinesAsync(world, "organisation.updated")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_organisation_reads_and_changes_only_its_own_settings(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var alpha = await OrganisationApi.GetAsync(world, Caller.Admin);
        var beta = await OrganisationApi.GetAsync(world, Caller.OtherOrganisation);
        Assert.Equal(("Beta Aid", "Europe/Dublin"), (beta.GetProperty("name").GetString(), beta.GetProperty("timeZone").GetString()));
        Assert.NotEqual(alpha.GetProperty("id").GetGuid(), beta.GetProperty("id").GetGuid());
        try
        {
            var changed = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.OtherOrganisation, "/api/v1/organisation", """{ "reminderPolicy": "24h" }"""));
            Assert.Equal((beta.GetProperty("id").GetGuid(), "24h"), (changed.GetProperty("id").GetGuid(), changed.GetProperty("reminderPolicy").GetString()));
            Assert.Equal(alpha.ToString(), (await OrganisationApi.GetAsync(world, Caller.Admin)).ToString());
        }
        finally
        {
            await OrganisationApi.RestoreAsync(world, Caller.OtherOrganisation, beta);
        }
    }
}

public static class OrganisationApi
{
    public static async Task<JsonElement> GetAsync(ApiWorld world, Caller caller) => await world.ReadJsonAsync(await world.GetAsync(caller, "/api/v1/organisation"));

    /// <summary>Puts back the settings read before a test changed them.</summary>
    public static async Task RestoreAsync(ApiWorld world, Caller admin, JsonElement before)
    {
        var body = JsonSerializer.Serialize(new
        {
            name = before.GetProperty("name").GetString(),
            reminderPolicy = before.GetProperty("reminderPolicy").GetString(),
            requireTwoFactor = before.GetProperty("requireTwoFactor").GetBoolean(),
        });
        await world.ReadJsonAsync(await world.PatchJsonAsync(admin, "/api/v1/organisation", body));
    }

    /// <summary>Alpha's audit lines with this action, newest first.</summary>
    public static async Task<List<JsonElement>> LinesAsync(ApiWorld world, string action) =>
        (await Members.MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/audit?kind=Organisation&limit=200"))
        .Where(l => l.GetProperty("action").GetString() == action).ToList();
}
