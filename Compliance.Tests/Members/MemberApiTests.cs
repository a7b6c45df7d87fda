using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Members;

/// <summary>
/// The members page through the API: only admins invite, change roles, reset a second factor and remove; another
/// organisation's admin finds no one; and a person removed through the API loses API access with the next request.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MemberApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_invites_someone_finds_them_in_the_list_changes_their_role_and_resets_their_second_factor(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var email = MemberApi.NewEmail();

        using var added = await world.PostJsonAsync(Caller.Admin, "/api/v1/members", $$"""{ "email": "{{email}}", "name": "Mei Ling", "role": "viewer" }""");
        var body = await world.ReadJsonAsync(added);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.True(body.GetProperty("newAccount").GetBoolean());
        var userId = body.GetProperty("member").GetProperty("userId").GetGuid();
        Assert.Equal($"/api/v1/members/{userId}", added.Headers.Location!.ToString());

        var listed = Assert.Single(await MemberApi.AllMembersAsync(world, Caller.Admin), m => m.GetProperty("email").GetString() == email);
        Assert.Equal(("viewer", false), (listed.GetProperty("role").GetString(), listed.GetProperty("passwordSet").GetBoolean()));

        var changed = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.Admin, $"/api/v1/members/{userId}", """{ "role": "legal" }"""));
        Assert.Equal("legal", changed.GetProperty("role").GetString());
        using var reset = await world.SendAsync(Caller.Admin, HttpMethod.Post, $"/api/v1/members/{userId}/reset-two-factor");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        var lines = await MemberApi.MemberLinesAsync(world, email);
        Assert.Equal(["member.2fa-reset", "member.role-changed", "member.added"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.All(lines, l => Assert.Equal("admin@alpha.example", l.GetProperty("actor").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_admins_manage_members_and_a_refused_request_changes_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, email) = await MemberApi.AddAsync(world, "viewer");

        foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal, Caller.Viewer })
        {
            HttpResponseMessage[] answers =
            [
                await world.GetAsync(caller, "/api/v1/members"),
                await world.PostJsonAsync(caller, "/api/v1/members", $$"""{ "email": "{{MemberApi.NewEmail()}}", "role": "admin" }"""),
                await world.PatchJsonAsync(caller, $"/api/v1/members/{userId}", """{ "role": "admin" }"""),
                await world.SendAsync(caller, HttpMethod.Post, $"/api/v1/members/{userId}/reset-two-factor"),
                await world.SendAsync(caller, HttpMethod.Delete, $"/api/v1/members/{userId}"),
            ];
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
            foreach (var a in answers) a.Dispose();
        }

        var still = Assert.Single(await MemberApi.AllMembersAsync(world, Caller.Admin), m => m.GetProperty("email").GetString() == email);
        Assert.Equal("viewer", still.GetProperty("role").GetString());
        Assert.Equal(["member.added"], (await MemberApi.MemberLinesAsync(world, email)).Select(l => l.GetProperty("action").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_admin_finds_none_of_Alphas_members(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, email) = await MemberApi.AddAsync(world, "viewer");

        using var patch = await world.PatchJsonAsync(Caller.OtherOrganisation, $"/api/v1/members/{userId}", """{ "role": "admin" }""");
        using var reset = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Post, $"/api/v1/members/{userId}/reset-two-factor");
        using var remove = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Delete, $"/api/v1/members/{userId}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (patch.StatusCode, reset.StatusCode, remove.StatusCode));
        Assert.DoesNotContain(await MemberApi.AllMembersAsync(world, Caller.OtherOrganisation), m => m.GetProperty("email").GetString()!.EndsWith("@alpha.example", StringComparison.Ordinal));
        Assert.Single(await MemberApi.AllMembersAsync(world, Caller.Admin), m => m.GetProperty("email").GetString() == email);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_is_a_400_naming_the_field_and_no_one_is_added_or_changed(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, email) = await MemberApi.AddAsync(world, "viewer");
        var stranger = MemberApi.NewEmail();

        using var badEmail = await world.PostJsonAsync(Caller.Admin, "/api/v1/members", """{ "email": "not an address", "role": "viewer" }""");
        using var badRole = await world.PostJsonAsync(Caller.Admin, "/api/v1/members", $$"""{ "email": "{{stranger}}", "role": "owner", "colour": "red" }""");
        using var responder = await world.PostJsonAsync(Caller.Admin, "/api/v1/members", $$"""{ "email": "{{stranger}}", "role": "responder" }""");
        using var toResponder = await world.PatchJsonAsync(Caller.Admin, $"/api/v1/members/{userId}", """{ "role": "responder" }""");
        using var expiry = await world.PatchJsonAsync(Caller.Admin, $"/api/v1/members/{userId}", """{ "expiresAt": "2019-04-01T00:00:00+08:00" }""");

        Assert.Contains("not an email address", IncidentStoryTests.ErrorsOf(await badEmail.Content.ReadAsStringAsync(), "email"));
        var problem = await badRole.Content.ReadAsStringAsync();
        Assert.Contains("not one of", IncidentStoryTests.ErrorsOf(problem, "role"));
        Assert.Contains("not a field", IncidentStoryTests.ErrorsOf(problem, "colour"));
        Assert.Contains("Choose a role", IncidentStoryTests.ErrorsOf(await responder.Content.ReadAsStringAsync(), "role"));
        Assert.Contains("Choose a role", IncidentStoryTests.ErrorsOf(await toResponder.Content.ReadAsStringAsync(), "role"));
        Assert.Contains("cannot be changed", IncidentStoryTests.ErrorsOf(await expiry.Content.ReadAsStringAsync(), "expiresAt"));
        var members = await MemberApi.AllMembersAsync(world, Caller.Admin);
        Assert.DoesNotContain(members, m => m.GetProperty("email").GetString() == stranger);
        Assert.Equal("viewer", members.Single(m => m.GetProperty("email").GetString() == email).GetProperty("role").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_responder_is_added_on_one_incident_of_this_organisation_until_an_expiry(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var email = MemberApi.NewEmail();
        string Responder(Guid incident) => $$"""{ "email": "{{email}}", "role": "responder", "incidentId": "{{incident}}", "expiresAt": "2019-03-23T18:00:00+08:00" }""";

        using var betas = await world.PostJsonAsync(Caller.Admin, "/api/v1/members", Responder(world.BetaIncidentId));
        Assert.Contains("not an incident of this organisation", IncidentStoryTests.ErrorsOf(await betas.Content.ReadAsStringAsync(), "incidentId"));
        Assert.DoesNotContain(await MemberApi.AllMembersAsync(world, Caller.Admin), m => m.GetProperty("email").GetString() == email);

        var added = (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, "/api/v1/members", Responder(world.IncidentId)))).GetProperty("member");
        Assert.Equal(("responder", world.IncidentId, "2019-03-23T18:00:00+08:00"),
            (added.GetProperty("role").GetString(), added.GetProperty("incidentId").GetGuid(), added.GetProperty("until").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_member_removed_through_the_API_loses_API_access_with_the_next_request(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, email) = await MemberApi.AddAsync(world, "security-lead");
        var secret = (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, "/api/v1/tokens",
            $$"""{ "name": "SIEM", "userId": "{{userId}}" }"""))).GetProperty("secret").GetString()!;
        using (var before = await MemberApi.SendWithAsync(world, secret, HttpMethod.Get, "/api/v1/incidents"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var removed = await world.SendAsync(Caller.Admin, HttpMethod.Delete, $"/api/v1/members/{userId}");
        using var after = await MemberApi.SendWithAsync(world, secret, HttpMethod.Get, "/api/v1/incidents");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(await MemberApi.AllMembersAsync(world, Caller.Admin), m => m.GetProperty("email").GetString() == email);
        var line = (await MemberApi.MemberLinesAsync(world, email)).First();
        Assert.Equal("member.removed", line.GetProperty("action").GetString());
        Assert.Equal(1, line.GetProperty("data").GetProperty("tokensRevoked").GetInt32());
    }
}

/// <summary>What the member and token tests share: fresh people, the whole list, and the audit lines about one person.</summary>
public static class MemberApi
{
    public static string NewEmail() => $"m{Guid.NewGuid():N}@alpha.example";

    public static async Task<(Guid UserId, string Email)> AddAsync(ApiWorld world, string role)
    {
        var email = NewEmail();
        var added = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, "/api/v1/members", $$"""{ "email": "{{email}}", "role": "{{role}}" }"""));
        return (added.GetProperty("member").GetProperty("userId").GetGuid(), email);
    }

    /// <summary>Every page, followed by its next link.</summary>
    public static async Task<List<JsonElement>> AllMembersAsync(ApiWorld world, Caller caller) => await AllPagesAsync(world, caller, "/api/v1/members?limit=7");

    public static async Task<List<JsonElement>> AllPagesAsync(ApiWorld world, Caller caller, string first)
    {
        var items = new List<JsonElement>();
        for (var next = first; next is not null;)
        {
            var page = await world.ReadJsonAsync(await world.GetAsync(caller, next));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return items;
    }

    /// <summary>The organisation's audit lines about this person, newest first.</summary>
    public static async Task<List<JsonElement>> MemberLinesAsync(ApiWorld world, string email) =>
        (await AllPagesAsync(world, Caller.Admin, "/api/v1/audit?kind=Members&limit=200"))
        .Where(l => l.GetProperty("data").ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();

    public static async Task<HttpResponseMessage> SendWithAsync(ApiWorld world, string secret, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await world.App.Client.SendAsync(request);
    }
}
