using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Compliance.Tests.Notices.NoticeApiSetup;

namespace Compliance.Tests.Notices;

/// <summary>Notice campaigns through the API: the Campaigns page's list and form, and one campaign's progress.</summary>
[Collection(ApiCollection.Name)]
public sealed class CampaignApiTests(ApiServers servers)
{
    public static async Task<JsonElement> PrepareAsync(ApiWorld world, Guid incident, string json = """{ "name": "First wave" }""")
    {
        using var prepared = await PostAsync(world, Caller.Legal, $"/api/v1/incidents/{incident}/campaigns", json);
        Assert.Equal(HttpStatusCode.Created, prepared.StatusCode);
        var campaign = await world.ReadJsonAsync(prepared);
        Assert.Equal(campaign.GetProperty("links").GetProperty("self").GetString(), prepared.Headers.Location!.OriginalString);
        return campaign;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Legal_prepares_a_campaign_that_waits_for_a_second_person_with_its_recipients_counted(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world);

        var prepared = await PrepareAsync(world, incident);
        var id = prepared.GetProperty("id").GetGuid();
        var campaign = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/campaigns/{id}"));

        Assert.Equal(("First wave", "awaiting-approval", world.EmailOf(Caller.Legal)),
            (campaign.GetProperty("name").GetString(), campaign.GetProperty("state").GetString(), campaign.GetProperty("preparedBy").GetString()));
        Assert.Equal("2019-03-16T10:00:00+08:00", campaign.GetProperty("preparedAt").GetString());
        var progress = campaign.GetProperty("progress");
        Assert.Equal((3, 0, 3), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(),
            progress.GetProperty("byState").GetProperty("queued").GetInt32()));
        Assert.Equal("HK", Assert.Single(progress.GetProperty("byJurisdiction").EnumerateArray()).GetProperty("jurisdiction").GetString());
        Assert.Equal(64, campaign.GetProperty("templateHash").GetString()!.Length);
        Assert.False(campaign.GetProperty("actions").GetProperty("approve").GetBoolean());
        var asLead = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/campaigns/{id}"));
        Assert.True(asLead.GetProperty("actions").GetProperty("approve").GetBoolean());

        var list = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/campaigns"));
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var audit = Assert.Single(await AuditAsync(world, incident, "campaign.prepared"));
        Assert.Equal(3, audit.GetProperty("data").GetProperty("recipients").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_choice_or_an_unwritten_language_is_a_400_naming_the_field_and_prepares_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await IncidentAsync(world);
        await world.ReadJsonAsync(await SaveAsync(world, Caller.Legal, incident, "en", CampaignWorld.Draft));
        var path = $"/api/v1/incidents/{incident}/campaigns";

        using var badCode = await PostAsync(world, Caller.Legal, path, """{ "jurisdictions": ["Hong Kong"] }""");
        using var notArray = await PostAsync(world, Caller.Legal, path, """{ "languages": "en" }""");
        using var unknown = await PostAsync(world, Caller.Legal, path, """{ "sendAt": "tomorrow" }""");
        using var unwritten = await PostAsync(world, Caller.Legal, path, """{ "languages": ["zh-Hant"] }""");
        using var nobody = await PostAsync(world, Caller.Legal, path, """{ "jurisdictions": ["IE"] }""");

        Assert.Contains("is not a jurisdiction code", ErrorsOf(await badCode.Content.ReadAsStringAsync(), "jurisdictions"));
        Assert.Contains("array of strings", ErrorsOf(await notArray.Content.ReadAsStringAsync(), "languages"));
        Assert.Contains("not a field", ErrorsOf(await unknown.Content.ReadAsStringAsync(), "sendAt"));
        Assert.Contains("no text in", ErrorsOf(await unwritten.Content.ReadAsStringAsync(), "notice"));
        Assert.Contains("No one to email", ErrorsOf(await nobody.Content.ReadAsStringAsync(), "people"));
        Assert.All(new[] { badCode, notArray, unknown, unwritten, nobody }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var list = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, path));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Empty(await AuditAsync(world, incident, "campaign.prepared"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Other_roles_are_refused_every_campaign_endpoint_and_another_organisation_finds_none(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world);
        var id = (await PrepareAsync(world, incident)).GetProperty("id").GetGuid();
        var campaign = $"/api/v1/incidents/{incident}/campaigns/{id}";
        string[] reads = [$"/api/v1/incidents/{incident}/campaigns", campaign, campaign + "/proof.csv", campaign + "/proof.pdf"];
        string[] posts = [$"/api/v1/incidents/{incident}/campaigns", campaign + "/approve", campaign + "/cancel", campaign + "/resend-unconfirmed"];

        foreach (var (caller, status) in new[] { (Caller.Viewer, HttpStatusCode.Forbidden), (Caller.Admin, HttpStatusCode.Forbidden),
                     (Caller.ResponderOnAnotherIncident, HttpStatusCode.NotFound), (Caller.OtherOrganisation, HttpStatusCode.NotFound) })
        {
            foreach (var path in reads) Assert.Equal((caller, path, status), (caller, path, (await world.GetAsync(caller, path)).StatusCode));
            foreach (var path in posts)
                Assert.Equal((caller, path, status), (caller, path, (await PostAsync(world, caller, path, """{ "messageIds": ["<x@y>"] }""")).StatusCode));
        }
        // A responder may see their incident, not its campaigns.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.GetAsync(Caller.ResponderOnThisIncident, $"/api/v1/incidents/{world.IncidentId}/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(world, Caller.ResponderOnThisIncident, $"/api/v1/incidents/{world.IncidentId}/campaigns", "{}")).StatusCode);
        // Another incident's campaign id, and Beta's incident, are not found either.
        var elsewhere = $"/api/v1/incidents/{world.IncidentId}/campaigns/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Legal, elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(world, Caller.SecurityLead, elsewhere + "/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{world.BetaIncidentId}/campaigns")).StatusCode);

        var state = await ReadAsync(world, db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync());
        Assert.Equal(Compliance.Domain.Notices.CampaignState.AwaitingApproval, state);
        foreach (var action in new[] { "campaign.approved", "campaign.cancelled", "campaign.proof-downloaded", "people.exported" })
            Assert.Empty(await AuditAsync(world, incident, action));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_list_pages_by_cursor_and_never_repeats_or_skips_a_campaign(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world);
        var english = (await PrepareAsync(world, incident, """{ "name": "English", "languages": ["en"] }""")).GetProperty("id").GetGuid();
        var chinese = (await PrepareAsync(world, incident, """{ "name": "Chinese", "languages": ["zh-Hant"] }""")).GetProperty("id").GetGuid();

        var first = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/campaigns?limit=1"));
        var next = first.GetProperty("next").GetString()!;
        var second = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, next));
        using var badLimit = await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/campaigns?limit=0");

        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, seen.Distinct().Count());
        Assert.Equal(new[] { english, chinese }.Order(), seen.Order());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.NotEmpty(ErrorsOf(await badLimit.Content.ReadAsStringAsync(), "limit"));
    }

    [Fact]
    public async Task The_OpenAPI_document_offers_an_Idempotency_Key_on_the_posts_that_send()
    {
        var world = await servers.For(DatabaseProvider.Sqlite);
        var paths = JsonDocument.Parse(await world.App.Client.GetStringAsync("/api/openapi/v1.json")).RootElement.GetProperty("paths");
        string[] sending = ["/api/v1/incidents/{id}/campaigns/{campaignId}/approve", "/api/v1/incidents/{id}/campaigns/{campaignId}/resend-unconfirmed",
            "/api/v1/incidents/{id}/notices/{language}/test"];
        foreach (var path in sending)
            Assert.Contains(paths.GetProperty(path).GetProperty("post").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(paths.GetProperty("/api/v1/incidents/{id}/campaigns/{campaignId}/proof.pdf").GetProperty("get").GetProperty("responses")
            .GetProperty("200").GetProperty("content").TryGetProperty("application/pdf", out _));
    }
}
