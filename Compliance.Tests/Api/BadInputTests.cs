using System.Net;
using System.Net.Http.Headers;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

namespace Compliance.Tests.Api;

/// <summary>Bad input is a 400 problem whose <c>errors</c> name the field by its JSON path, and nothing changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiServers servers)
{
    private static readonly string Valid = ApiWorld.HongKongIncident("Bad input");

    // (method, path, body, field named, words of the message)
    private static readonly (string, string, string, string, string)[] Inputs =
    [
        ("POST", "/api/v1/incidents", Valid.Replace("\"count\": 2400", "\"count\": -5"), "affected[0].count", "negative"),
        ("POST", "/api/v1/incidents", Valid.Replace("\"phone\"", "\"shoe-size\""), "dataCategories[3]", "not a data category"),
        ("POST", "/api/v1/incidents", Valid.Replace("\"awareAt\": \"2019-03-15T09:00:00+08:00\",", ""), "awareAt", "is required"),
        ("POST", "/api/v1/incidents", Valid.Replace("\"awareAt\"", "\"awarAt\""), "awarAt", "not a field"),
        ("POST", "/api/v1/incidents", "{ \"title\": ", "$", "not valid JSON"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "status": "reopened" }""", "status", "open, contained, closed"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "affected": [{ "jurisdiction": "Hong Kong", "count": 1 }] }""", "affected[0].jurisdiction", "ISO 3166"),
        ("POST", "/api/v1/obligations/{decide}/decision", """{ "decision": "maybe", "rationale": "We have not made up our minds yet." }""", "decision", "not-required"),
        ("POST", "/api/v1/obligations/{decide}/decision", """{ "decision": "not-required", "rationale": "no" }""", "rationale", "at least 10 characters"),
        ("POST", "/api/v1/obligations/{fulfil}/fulfilment", """{ "reference": "PCPD-1" }""", "filedAt", "is required"),
        ("POST", "/api/v1/incidents/{incident}/timeline", """{ "at": "yesterday", "description": "Something." }""", "at", "ISO 8601"),
        ("POST", "/api/v1/incidents/{incident}/tasks", """{ "kind": "police", "title": "Report it" }""", "kind", "law-enforcement"),
        ("POST", "/api/v1/incidents/{incident}/tasks", """{ "kind": "staff", "title": "Tell staff", "reportReference": "TPS-1" }""", "reportReference", "law-enforcement task only"),
        ("POST", "/api/v1/incidents/{incident}/tasks", """{ "kind": "staff", "title": "Tell staff", "ownerId": "not-a-uuid" }""", "ownerId", "not a member's user id"),
        // Dates no incident can have: the deadline maths overflowed on 9999 (a 500), 1900 and 2031 were stored as typed.
        ("POST", "/api/v1/incidents", Valid.Replace("2019-03-15T09:00:00+08:00", "9999-12-31T00:00:00+00:00"), "awareAt", "outside the years 1970 to 2199"),
        ("POST", "/api/v1/incidents", Valid.Replace("2019-03-15T09:00:00+08:00", "1900-01-01T00:00:00+00:00"), "awareAt", "outside the years 1970 to 2199"),
        ("POST", "/api/v1/incidents", Valid.Replace("2019-03-15T09:00:00+08:00", "2131-03-15T09:00:00+08:00"), "awareAt", "is in the future"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "awareAt": "9999-12-31T23:59:59+00:00" }""", "awareAt", "outside the years"),
        ("POST", "/api/v1/assessments", Valid.Replace("2019-03-15T09:00:00+08:00", "9999-12-31T00:00:00+00:00"), "awareAt", "outside the years"),
        // Characters that cannot be shown or that disguise text; codes that do not exist.
        ("POST", "/api/v1/incidents", Valid.Replace("\"title\": \"Bad input\"", "\"title\": \"Bad\\u0007input\""), "title", "control character (U+0007)"),
        ("POST", "/api/v1/incidents", Valid.Replace("\"title\": \"Bad input\"", "\"title\": \"invoice\\u202Egpj.exe\""), "title", "direction override (U+202E)"),
        ("POST", "/api/v1/incidents/{incident}/timeline", """{ "at": "2019-03-16T09:00:00+08:00", "description": "Found\u0000it" }""", "description", "control character (U+0000)"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "affected": [{ "jurisdiction": "XX", "count": 1 }] }""", "affected[0].jurisdiction", "ISO 3166"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "affected": [{ "jurisdiction": "US-ZZ", "count": 1 }] }""", "affected[0].jurisdiction", "ISO 3166"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "affected": [{ "jurisdiction": "HK", "count": 1 }, { "jurisdiction": "US", "count": 1500 }] }""", "affected[1].jurisdiction", "give each state"),
        ("PATCH", "/api/v1/incidents/{incident}", """{ "affected": [{ "jurisdiction": "Canada", "count": 1 }] }""", "affected[0].jurisdiction", "write CA"),
    ];

    public static TheoryData<DatabaseProvider, int> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, int>();
        foreach (var provider in TestDatabases.Providers)
            for (var i = 0; i < Inputs.Length; i++) cases.Add(provider, i);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_field_is_named_in_the_problem(DatabaseProvider provider, int input)
    {
        var world = await servers.For(provider);
        var (method, template, body, field, words) = Inputs[input];
        var path = template.Replace("{incident}", world.IncidentId.ToString())
            .Replace("{decide}", world.DutyToDecide.ToString()).Replace("{fulfil}", world.DutyToFulfil.ToString());
        var before = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{world.IncidentId}"));

        using var response = await world.SendAsync(Caller.SecurityLead, new HttpMethod(method), path, ApiWorld.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(words, IncidentStoryTests.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        var after = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"/api/v1/incidents/{world.IncidentId}"));
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Evidence_over_ten_mebibytes_is_refused_naming_the_file(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2019-03-16T09:00:00+08:00"), "filedAt" },
            { new StringContent("Letters posted"), "reference" },
            { new ByteArrayContent(new byte[EvidenceFile.MaxBytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "evidence", "scan.pdf" },
        };
        using var response = await world.SendAsync(Caller.Legal, HttpMethod.Post, $"/api/v1/obligations/{world.DutyToFulfil}/fulfilment", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10 MiB", IncidentStoryTests.ErrorsOf(await response.Content.ReadAsStringAsync(), "evidence"));
    }
}
