using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using static Compliance.Tests.Notices.NoticeApiSetup;

namespace Compliance.Tests.Notices;

/// <summary>What one person would receive, and a test copy of it to the caller, through the API: the Notice page's preview and test button.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoticePreviewApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_preview_is_the_persons_own_notice_and_the_look_is_audited(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world);
        var person = await PersonAsync(world, incident, "Lee Ka Yan");

        var preview = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/people/{person}/notice-preview"));

        Assert.Equal(("HK", "zh-Hant", "zh-Hant", false), (preview.GetProperty("jurisdiction").GetString(), preview.GetProperty("personLanguage").GetString(),
            preview.GetProperty("noticeLanguage").GetString(), preview.GetProperty("fallsBack").GetBoolean()));
        var text = preview.GetProperty("text").GetString()!;
        Assert.Contains("Lee Ka Yan", text);
        Assert.Contains(CampaignWorld.ChineseDraft["nature"], text);
        Assert.DoesNotContain(CampaignWorld.Draft["nature"], text);
        Assert.True(preview.GetProperty("ready").GetBoolean(), string.Join("; ", preview.GetProperty("problems").EnumerateArray()));
        var look = Assert.Single(await AuditAsync(world, incident, "people.viewed"), e => e.GetProperty("data").GetProperty("purpose").GetString() == "notice preview");
        Assert.Equal(world.EmailOf(Caller.SecurityLead), look.GetProperty("actor").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_person_of_another_incident_or_organisation_is_not_found_and_a_viewer_is_refused(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await IncidentAsync(world);
        var other = await IncidentAsync(world);
        var person = await PersonAsync(world, other, "Chan Tai Man");

        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/people/{person}/notice-preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/incidents/{other}/people/{person}/notice-preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{world.BetaIncidentId}/people/{person}/notice-preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.GetAsync(Caller.Viewer, $"/api/v1/incidents/{other}/people/{person}/notice-preview")).StatusCode);
        Assert.DoesNotContain(await AuditAsync(world, other, "people.viewed"), e => e.GetProperty("data").GetProperty("purpose").GetString() == "notice preview");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_test_copy_goes_to_the_caller_once_even_when_the_request_is_retried(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/v1/incidents/{incident}/notices/zh-Hant/test";

        using var first = await PostAsync(world, Caller.Legal, path, key: key);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var retry = await PostAsync(world, Caller.Legal, path, key: key);

        var sent = await world.ReadJsonAsync(first);
        Assert.Equal((world.EmailOf(Caller.Legal), "sent"), (sent.GetProperty("sentTo").GetString(), sent.GetProperty("outcome").GetString()));
        Assert.Equal(await PersonAsync(world, incident, "Lee Ka Yan"), sent.GetProperty("personId").GetGuid());
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        var audit = Assert.Single(await AuditAsync(world, incident, "notice.test-sent"));
        Assert.Equal("zh-Hant", audit.GetProperty("data").GetProperty("language").GetString());

        var chosen = await PersonAsync(world, incident, "Wong Siu Ling");
        var named = await world.ReadJsonAsync(await PostAsync(world, Caller.SecurityLead, $"/api/v1/incidents/{incident}/notices/en/test", $$"""{ "personId": "{{chosen}}" }"""));
        Assert.Equal(chosen, named.GetProperty("personId").GetGuid());
        Assert.Equal(2, (await AuditAsync(world, incident, "notice.test-sent")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_test_for_someone_who_reads_another_language_or_a_bad_id_is_a_400_and_nothing_is_sent(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await ReadyIncidentAsync(world);
        var chinese = await PersonAsync(world, incident, "Lee Ka Yan");

        using var otherLanguage = await PostAsync(world, Caller.Legal, $"/api/v1/incidents/{incident}/notices/en/test", $$"""{ "personId": "{{chinese}}" }""");
        using var badId = await PostAsync(world, Caller.Legal, $"/api/v1/incidents/{incident}/notices/en/test", """{ "personId": "Lee Ka Yan" }""");
        using var nobody = await PostAsync(world, Caller.Legal, $"/api/v1/incidents/{incident}/notices/fr/test");
        using var unknown = await PostAsync(world, Caller.Legal, $"/api/v1/incidents/{incident}/notices/en/test", """{ "to": "me@elsewhere.example" }""");

        Assert.Contains("not English", ErrorsOf(await otherLanguage.Content.ReadAsStringAsync(), "personId"));
        Assert.Contains("UUID", ErrorsOf(await badId.Content.ReadAsStringAsync(), "personId"));
        Assert.Contains("No one of this incident", ErrorsOf(await nobody.Content.ReadAsStringAsync(), "personId"));
        Assert.Contains("not a field", ErrorsOf(await unknown.Content.ReadAsStringAsync(), "to"));
        Assert.All(new[] { otherLanguage, badId, nobody, unknown }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty(await AuditAsync(world, incident, "notice.test-sent"));
    }
}
