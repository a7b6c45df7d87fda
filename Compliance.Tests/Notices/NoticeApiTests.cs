using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using static Compliance.Tests.Notices.NoticeApiSetup;

namespace Compliance.Tests.Notices;

/// <summary>The notice's text per language through the API: what the Notice page shows and saves, with a version so two writers cannot overwrite each other.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoticeApiTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_notice_names_the_languages_its_readers_need_and_a_saved_text_is_written_in_one(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await IncidentAsync(world);
        var before = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/notices"));
        Assert.Equal(["en", "zh-Hant"], Strings(before, "missing"));
        Assert.Equal([("en", 2, false), ("zh-Hant", 1, false)], Languages(before));
        Assert.Equal(["nature", "period", "consequences", "measures", "advice", "contact"],
            before.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("field").GetString()));

        using var saved = await SaveAsync(world, Caller.Legal, incident, "en", CampaignWorld.Draft);
        var body = await world.ReadJsonAsync(saved);
        Assert.Equal(CampaignWorld.Draft["nature"], body.GetProperty("fields").GetProperty("nature").GetString());
        Assert.Equal($"\"{body.GetProperty("version").GetString()}\"", saved.Headers.ETag!.Tag);

        var after = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/notices"));
        Assert.Equal([("en", 2, true), ("zh-Hant", 1, false)], Languages(after));
        Assert.Equal(["zh-Hant"], Strings(after, "missing"));
        using var read = await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/notices/en");
        Assert.Equal(saved.Headers.ETag!.Tag, read.Headers.ETag!.Tag);
        Assert.Equal(CampaignWorld.Draft["contact"], (await world.ReadJsonAsync(read)).GetProperty("fields").GetProperty("contact").GetString());

        var audit = Assert.Single(await AuditAsync(world, incident, "notice.draft-saved"));
        Assert.Equal(world.EmailOf(Caller.Legal), audit.GetProperty("actor").GetString());
        Assert.Equal("en", audit.GetProperty("data").GetProperty("language").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_save_over_a_text_someone_else_saved_since_is_a_409_and_theirs_stays(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await IncidentAsync(world);
        using var first = await SaveAsync(world, Caller.Legal, incident, "en", CampaignWorld.Draft);
        var read = first.Headers.ETag!.Tag;

        var theirs = new Dictionary<string, string>(CampaignWorld.Draft) { ["nature"] = "The lead's correction." };
        using var lead = await SaveAsync(world, Caller.SecurityLead, incident, "en", theirs, read);
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.NotEqual(read, lead.Headers.ETag!.Tag);
        // Another language's save does not make the English text stale.
        using var chinese = await SaveAsync(world, Caller.Legal, incident, "zh-Hant", CampaignWorld.ChineseDraft);

        using var stale = await SaveAsync(world, Caller.Legal, incident, "en", new Dictionary<string, string> { ["nature"] = "Overwritten." }, read);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("saved by someone else", await stale.Content.ReadAsStringAsync());
        var now = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/notices/en"));
        Assert.Equal("The lead's correction.", now.GetProperty("fields").GetProperty("nature").GetString());
        using var current = await SaveAsync(world, Caller.Legal, incident, "en", CampaignWorld.Draft, lead.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(3, (await AuditAsync(world, incident, "notice.draft-saved")).Count(e => e.GetProperty("data").GetProperty("language").GetString() == "en"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_parts_or_a_bad_language_are_a_400_naming_the_field_and_save_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await IncidentAsync(world);
        var path = $"/api/v1/incidents/{incident}/notices/en";

        using var parts = await world.SendAsync(Caller.Legal, HttpMethod.Put, path, ApiWorld.Json(
            """{ "fields": { "nature": 7, "colour": "red", "organisation": "Us" }, "lang": "en" }"""));
        var problem = await parts.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, parts.StatusCode);
        Assert.Contains("must be a string", ErrorsOf(problem, "fields.nature"));
        Assert.Contains("not a part of a notice", ErrorsOf(problem, "fields.colour"));
        Assert.Contains("filled in from the incident", ErrorsOf(problem, "fields.organisation"));
        Assert.Contains("not a field", ErrorsOf(problem, "lang"));

        using var tooLong = await SaveAsync(world, Caller.Legal, incident, "en", new Dictionary<string, string> { ["advice"] = new string('a', 10001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotEmpty(ErrorsOf(await tooLong.Content.ReadAsStringAsync(), "fields.advice"));
        using var noFields = await world.SendAsync(Caller.Legal, HttpMethod.Put, path, ApiWorld.Json("""{ "nature": "flat" }"""));
        Assert.Contains("is required", ErrorsOf(await noFields.Content.ReadAsStringAsync(), "fields"));
        using var language = await SaveAsync(world, Caller.Legal, incident, "en_GB!", CampaignWorld.Draft);
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Contains("not a language tag", ErrorsOf(await language.Content.ReadAsStringAsync(), "language"));

        var unchanged = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, path));
        Assert.All(unchanged.GetProperty("fields").EnumerateObject(), f => Assert.Equal("", f.Value.GetString()));
        Assert.Empty(await AuditAsync(world, incident, "notice.draft-saved"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_security_leads_and_legal_staff_reach_the_notice_and_another_organisation_finds_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await IncidentAsync(world);
        var person = await PersonAsync(world, incident, "Chan Tai Man");
        string[] reads = [$"/api/v1/incidents/{incident}/notices", $"/api/v1/incidents/{incident}/notices/en",
            $"/api/v1/incidents/{incident}/people/{person}/notice-preview"];

        foreach (var (caller, status) in new[] { (Caller.Viewer, HttpStatusCode.Forbidden), (Caller.Admin, HttpStatusCode.Forbidden),
                     (Caller.ResponderOnAnotherIncident, HttpStatusCode.NotFound), (Caller.OtherOrganisation, HttpStatusCode.NotFound) })
        {
            foreach (var path in reads) Assert.Equal((path, status), (path, (await world.GetAsync(caller, path)).StatusCode));
            Assert.Equal(status, (await SaveAsync(world, caller, incident, "en", CampaignWorld.Draft)).StatusCode);
            Assert.Equal(status, (await PostAsync(world, caller, $"/api/v1/incidents/{incident}/notices/en/test")).StatusCode);
        }
        // A responder may see their incident, not its people's notice.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.GetAsync(Caller.ResponderOnThisIncident, $"/api/v1/incidents/{world.IncidentId}/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(world, Caller.ResponderOnThisIncident, world.IncidentId, "en", CampaignWorld.Draft)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(world, Caller.Legal, world.BetaIncidentId, "en", CampaignWorld.Draft)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{world.BetaIncidentId}/notices")).StatusCode);
        Assert.Empty(await AuditAsync(world, incident, "notice.draft-saved"));
        Assert.Empty(await AuditAsync(world, incident, "notice.test-sent"));
    }

    private static List<(string, int, bool)> Languages(JsonElement notices) =>
        notices.GetProperty("languages").EnumerateArray()
            .Select(l => (l.GetProperty("language").GetString()!, l.GetProperty("people").GetInt32(), l.GetProperty("written").GetBoolean())).ToList();

    private static List<string> Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(s => s.GetString()!).ToList();
}
