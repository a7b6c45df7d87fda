using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Support;

namespace Compliance.Tests.Filings;

/// <summary>
/// The PCPD filing driven through the API alone, as legal staff do it on the filing page: see what is missing, save a
/// version, download its PDF and mark it filed, with the same roles, refusals and audit lines as the page.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FilingApiTests(ApiServers servers)
{
    private const string Description = "Intruders copied the supporter database through a stolen administrator password.";
    private const string Draft = $$"""
        { "stage": "initial", "organisationName": "Alpha Rights Hong Kong branch",
          "narrative": { "description": "{{Description}}", "measures": "Passwords reset and the server isolated." } }
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Legal_staff_see_what_is_missing_save_a_version_download_its_PDF_and_mark_it_filed(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await FilingApi.FreshIncidentAsync(world);
        var url = FilingApi.UrlOf(incident);

        var before = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, url));
        Assert.False(before.GetProperty("complete").GetBoolean());
        Assert.Contains(before.GetProperty("missing").EnumerateArray(), m => m.GetProperty("field").GetString() == "narrative.contact");
        Assert.Empty(before.GetProperty("versions").EnumerateArray());

        using var created = await world.PostJsonAsync(Caller.Legal, url, Draft);
        var version = await world.ReadJsonAsync(created);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(version.GetProperty("pdf").GetString(), created.Headers.Location!.ToString());
        Assert.Equal(1, version.GetProperty("version").GetInt32());

        using var download = await world.GetAsync(Caller.Viewer, created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var text = PdfTools.Text(await download.Content.ReadAsByteArrayAsync());
        Assert.True(ExtractedText.Holds(text, Description), text);
        Assert.True(ExtractedText.Holds(text, "Alpha Rights Hong Kong branch"), text);

        var after = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, url));
        Assert.Equal(Description, after.GetProperty("draft").GetProperty("narrative").GetProperty("description").GetString());
        Assert.Equal(version.GetProperty("id").GetGuid(), after.GetProperty("versions")[0].GetProperty("id").GetGuid());

        var filed = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, FilingApi.FiledUrlOf(version),
            """{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-2019-0316", "fileIncomplete": true }"""));
        Assert.Equal(("done", "PCPD-2019-0316"), (filed.GetProperty("status").GetString(), filed.GetProperty("fulfilment").GetProperty("reference").GetString()));

        var audit = await FilingApi.AuditAsync(world, incident);
        var generated = Assert.Single(audit, e => e.GetProperty("action").GetString() == "filing.generated");
        Assert.Contains(version.GetProperty("pdfSha256").GetString()!, generated.GetProperty("data").ToString());
        Assert.Equal("legal@alpha.example", generated.GetProperty("actor").GetString());
        Assert.Single(audit, e => e.GetProperty("action").GetString() == "obligation.fulfilled");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_viewer_reads_the_filing_but_may_neither_save_a_version_nor_mark_one_filed(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await FilingApi.FreshIncidentAsync(world);
        var version = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, FilingApi.UrlOf(incident), Draft));

        using var read = await world.GetAsync(Caller.Viewer, FilingApi.UrlOf(incident));
        using var compose = await world.PostJsonAsync(Caller.Viewer, FilingApi.UrlOf(incident), Draft);
        using var file = await world.PostJsonAsync(Caller.Viewer, FilingApi.FiledUrlOf(version),
            """{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-1", "fileIncomplete": true }""");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (compose.StatusCode, file.StatusCode));
        var after = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, FilingApi.UrlOf(incident)));
        Assert.Single(after.GetProperty("versions").EnumerateArray());
        Assert.Equal("open", (await FilingApi.RegulatorDutyAsync(world, incident)).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisation_finds_nothing_at_any_filing_address(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await FilingApi.FreshIncidentAsync(world);
        var version = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, FilingApi.UrlOf(incident), Draft));

        HttpResponseMessage[] answers =
        [
            await world.GetAsync(Caller.OtherOrganisation, FilingApi.UrlOf(incident)),
            await world.PostJsonAsync(Caller.OtherOrganisation, FilingApi.UrlOf(incident), Draft),
            await world.GetAsync(Caller.OtherOrganisation, version.GetProperty("pdf").GetString()!),
            await world.PostJsonAsync(Caller.OtherOrganisation, FilingApi.FiledUrlOf(version),
                """{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-1", "fileIncomplete": true }"""),
            await world.GetAsync(Caller.Legal, FilingApi.UrlOf(world.BetaIncidentId, "IE")),
            await world.GetAsync(Caller.Legal, version.GetProperty("pdf").GetString()!.Replace("/HK/", "/GB/", StringComparison.Ordinal)),
        ];

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Single((await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, FilingApi.UrlOf(incident)))).GetProperty("versions").EnumerateArray());
        foreach (var a in answers) a.Dispose();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_draft_is_a_400_naming_each_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await FilingApi.FreshIncidentAsync(world);

        using var refused = await world.PostJsonAsync(Caller.Legal, FilingApi.UrlOf(incident),
            """{ "stage": "draft", "narrative": { "colour": "red", "description": 7 }, "urgent": true }""");
        using var badJurisdiction = await world.GetAsync(Caller.Legal, FilingApi.UrlOf(incident, "Hong Kong"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("initial", IncidentStoryTests.ErrorsOf(problem, "stage"));
        Assert.Contains("not a narrative field", IncidentStoryTests.ErrorsOf(problem, "narrative.colour"));
        Assert.Contains("string", IncidentStoryTests.ErrorsOf(problem, "narrative.description"));
        Assert.Contains("not a field", IncidentStoryTests.ErrorsOf(problem, "urgent"));
        Assert.Contains("ISO 3166", IncidentStoryTests.ErrorsOf(await badJurisdiction.Content.ReadAsStringAsync(), "jurisdiction"));
        Assert.Empty((await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, FilingApi.UrlOf(incident)))).GetProperty("versions").EnumerateArray());
        Assert.DoesNotContain(await FilingApi.AuditAsync(world, incident), e => e.GetProperty("action").GetString() == "filing.generated");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_incomplete_version_is_filed_only_when_the_caller_confirms_it_was_sent_like_that(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await FilingApi.FreshIncidentAsync(world);
        var version = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, FilingApi.UrlOf(incident), Draft));
        Assert.True(version.GetProperty("missingFields").GetInt32() > 0);

        using var unconfirmed = await world.PostJsonAsync(Caller.Legal, FilingApi.FiledUrlOf(version),
            """{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-1" }""");
        using var noTime = await world.PostJsonAsync(Caller.Legal, FilingApi.FiledUrlOf(version), """{ "reference": "PCPD-1", "fileIncomplete": true }""");

        Assert.Contains("lacks", IncidentStoryTests.ErrorsOf(await unconfirmed.Content.ReadAsStringAsync(), "fileIncomplete"));
        Assert.Contains("required", IncidentStoryTests.ErrorsOf(await noTime.Content.ReadAsStringAsync(), "filedAt"));
        Assert.Equal("open", (await FilingApi.RegulatorDutyAsync(world, incident)).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_retried_compose_with_the_same_key_saves_one_version(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await FilingApi.FreshIncidentAsync(world);
        var key = Guid.NewGuid().ToString();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var answer = await world.SendAsync(Caller.Legal, HttpMethod.Post, FilingApi.UrlOf(incident), ApiWorld.Json(Draft),
                r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }

        Assert.Single((await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, FilingApi.UrlOf(incident)))).GetProperty("versions").EnumerateArray());
    }
}

/// <summary>Addresses and reads the filing tests share.</summary>
public static class FilingApi
{
    public static string UrlOf(Guid incident, string jurisdiction = "HK") => $"/api/v1/incidents/{incident}/filings/{Uri.EscapeDataString(jurisdiction)}";

    public static string FiledUrlOf(JsonElement version) => version.GetProperty("pdf").GetString()!.Replace(".pdf", "/filed", StringComparison.Ordinal);

    public static async Task<Guid> FreshIncidentAsync(ApiWorld world) =>
        (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents",
            ApiWorld.HongKongIncident($"Filing {Guid.NewGuid():N}")))).GetProperty("id").GetGuid();

    public static async Task<JsonElement> RegulatorDutyAsync(ApiWorld world, Guid incident) =>
        (await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/obligations")))
        .GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("ruleId").GetString() == "hk-pdpo-pcpd");

    public static async Task<List<JsonElement>> AuditAsync(ApiWorld world, Guid incident) =>
        (await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{incident}/audit")))
        .GetProperty("entries").EnumerateArray().ToList();
}
