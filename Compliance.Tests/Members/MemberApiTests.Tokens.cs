using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Members;

/// <summary>
/// API tokens through the API: an admin issues one and sees its secret exactly once; everyone sees and revokes their
/// own, an admin everyone's; a revoked token is refused with the very next request.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_issues_a_token_sees_the_secret_once_and_a_revoked_token_stops_working_at_once(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, email) = await MemberApi.AddAsync(world, "legal");
        var name = $"Jira {Guid.NewGuid():N}";

        using var created = await world.PostJsonAsync(Caller.Admin, "/api/v1/tokens", $$"""{ "name": "{{name}}", "days": 30, "userId": "{{userId}}" }""");
        var issued = await world.ReadJsonAsync(created);
        var secret = issued.GetProperty("secret").GetString()!;
        var tokenId = issued.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("2019-04-15T10:00:00+08:00", issued.GetProperty("expiresAt").GetString());
        using (var me = await MemberApi.SendWithAsync(world, secret, HttpMethod.Get, "/api/v1/me"))
            Assert.Equal(email, (await world.ReadJsonAsync(me)).GetProperty("email").GetString());

        using var list = await world.GetAsync(Caller.Admin, "/api/v1/tokens?limit=200");
        var listed = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, listed);
        var row = Assert.Single(await MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/tokens?limit=3"), t => t.GetProperty("id").GetGuid() == tokenId);
        Assert.False(row.TryGetProperty("secret", out _));
        Assert.Equal((name, email), (row.GetProperty("name").GetString(), row.GetProperty("email").GetString()));

        using var revoked = await world.SendAsync(Caller.Admin, HttpMethod.Delete, $"/api/v1/tokens/{tokenId}");
        using var after = await MemberApi.SendWithAsync(world, secret, HttpMethod.Get, "/api/v1/me");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var lines = await MemberApi.MemberLinesAsync(world, tokenId.ToString());
        Assert.Equal(["token.revoked", "token.created"], lines.Select(l => l.GetProperty("action").GetString()!));
        Assert.All(lines, l => Assert.Equal("admin@alpha.example", l.GetProperty("actor").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_member_who_is_not_an_admin_sees_and_revokes_only_their_own_tokens_and_issues_none(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, _) = await MemberApi.AddAsync(world, "security-lead");
        var secret = await IssueAsync(world, userId, "own");
        var adminsToken = (await MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/tokens"))
            .First(t => t.GetProperty("email").GetString() == "admin@alpha.example").GetProperty("id").GetGuid();

        using var issue = await MemberApi.SendWithAsync(world, secret, HttpMethod.Post, "/api/v1/tokens");
        using var othersToken = await MemberApi.SendWithAsync(world, secret, HttpMethod.Delete, $"/api/v1/tokens/{adminsToken}");
        using var list = await MemberApi.SendWithAsync(world, secret, HttpMethod.Get, "/api/v1/tokens");
        var own = (await world.ReadJsonAsync(list)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (issue.StatusCode, othersToken.StatusCode));
        using (var admin = await world.GetAsync(Caller.Admin, "/api/v1/me")) Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.All(own, t => Assert.Equal(userId, t.GetProperty("userId").GetGuid()));
        using var revokeOwn = await MemberApi.SendWithAsync(world, secret, HttpMethod.Delete, $"/api/v1/tokens/{Assert.Single(own).GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, revokeOwn.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_admin_can_neither_see_nor_revoke_nor_issue_Alphas_tokens(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, _) = await MemberApi.AddAsync(world, "viewer");
        var secret = await IssueAsync(world, userId, "Alpha's");
        var tokenId = (await MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/tokens")).Single(t => t.GetProperty("userId").GetGuid() == userId).GetProperty("id").GetGuid();

        using var revoke = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Delete, $"/api/v1/tokens/{tokenId}");
        using var issue = await world.PostJsonAsync(Caller.OtherOrganisation, "/api/v1/tokens", $$"""{ "name": "stolen", "userId": "{{userId}}" }""");
        var betas = await MemberApi.AllPagesAsync(world, Caller.OtherOrganisation, "/api/v1/tokens");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Contains("not a member", IncidentStoryTests.ErrorsOf(await issue.Content.ReadAsStringAsync(), "userId"));
        Assert.DoesNotContain(betas, t => t.GetProperty("email").GetString()!.EndsWith("@alpha.example", StringComparison.Ordinal));
        using var still = await MemberApi.SendWithAsync(world, secret, HttpMethod.Get, "/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_token_request_is_a_400_naming_the_field_and_issues_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (userId, _) = await MemberApi.AddAsync(world, "viewer");

        using var refused = await world.PostJsonAsync(Caller.Admin, "/api/v1/tokens", $$"""{ "name": "", "days": 0, "userId": "{{userId}}", "scope": "all" }""");
        using var badUser = await world.PostJsonAsync(Caller.Admin, "/api/v1/tokens", """{ "name": "x", "userId": "me" }""");

        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("empty", IncidentStoryTests.ErrorsOf(problem, "name"));
        Assert.Contains("1 to 3650", IncidentStoryTests.ErrorsOf(problem, "days"));
        Assert.Contains("not a field", IncidentStoryTests.ErrorsOf(problem, "scope"));
        Assert.Contains("user id", IncidentStoryTests.ErrorsOf(await badUser.Content.ReadAsStringAsync(), "userId"));
        Assert.DoesNotContain(await MemberApi.AllPagesAsync(world, Caller.Admin, "/api/v1/tokens"), t => t.GetProperty("userId").GetGuid() == userId);
    }

    private static async Task<string> IssueAsync(ApiWorld world, Guid userId, string name) =>
        (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, "/api/v1/tokens", $$"""{ "name": "{{name}}", "userId": "{{userId}}" }""")))
        .GetProperty("secret").GetString()!;
}
