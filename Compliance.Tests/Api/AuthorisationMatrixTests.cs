using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

namespace Compliance.Tests.Api;

/// <summary>
/// Every endpoint against every kind of caller. Alpha's roles get what their role allows; a responder sees only
/// their incident and only until their access expires; Beta's admin meets 404s that say nothing about Alpha.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorisationMatrixTests(ApiServers servers)
{
    private static readonly Caller[] Columns =
    [
        Caller.Admin, Caller.SecurityLead, Caller.Legal, Caller.Viewer,
        Caller.ResponderOnThisIncident, Caller.ResponderOnAnotherIncident, Caller.ExpiredResponder, Caller.OtherOrganisation,
    ];

    private sealed record Row(string Method, string Path, string? Body, string Expected);

    // One column per caller above; callers without a usable token get 401 everywhere.
    private static readonly Row[] Rows =
    [
        //                                                                                 admin lead legal view here else expd other
        new("GET", "/api/v1/me", null,                                                    "200 200 200 200 200 200 403 200"),
        new("GET", "/api/v1/incidents", null,                                             "200 200 200 200 200 200 403 200"),
        new("POST", "/api/v1/incidents", ApiWorld.HongKongIncident("Created in the matrix"), "201 201 403 403 403 403 403 201"),
        new("GET", "/api/v1/incidents/{incident}", null,                                  "200 200 200 200 200 404 403 404"),
        new("PATCH", "/api/v1/incidents/{incident}", """{ "riskRationale": "Reviewed again." }""", "200 200 403 403 403 404 403 404"),
        new("GET", "/api/v1/incidents/{incident}/obligations?history=true", null,         "200 200 200 200 200 404 403 404"),
        new("POST", "/api/v1/obligations/{decide}/decision",
            """{ "decision": "not-required", "rationale": "Voluntary in Hong Kong; we briefed the PCPD by phone." }""", "200 200 200 403 403 404 403 404"),
        new("POST", "/api/v1/obligations/{fulfil}/fulfilment",
            """{ "filedAt": "2019-03-16T09:00:00+08:00", "reference": "Letters posted to supporters" }""", "200 200 200 403 403 404 403 404"),
        new("GET", "/api/v1/evidence/{evidence}", null,                                   "200 200 200 200 200 404 403 404"),
        new("GET", "/api/v1/incidents/{incident}/timeline", null,                         "200 200 200 200 200 404 403 404"),
        new("POST", "/api/v1/incidents/{incident}/timeline",
            """{ "at": "2019-03-15T11:00:00+08:00", "description": "Web shell found on the CRM server." }""", "201 201 201 403 201 404 403 404"),
        new("PUT", "/api/v1/incidents/{incident}/risk-assessment",
            """{ "answers": { "identification": "maximum", "misuse": "possible", "consequences": "significant" }, "confirmedLevel": "high", "rationale": "HKID numbers with names and addresses of supporters: identity theft and targeting." }""",
            "200 200 403 403 200 404 403 404"),
        new("GET", "/api/v1/incidents/{incident}/tasks", null,                            "200 200 200 200 200 404 403 404"),
        new("POST", "/api/v1/incidents/{incident}/tasks", """{ "kind": "board", "title": "Brief the board (matrix)" }""", "201 201 403 403 201 404 403 404"),
        new("GET", "/api/v1/incidents/{incident}/audit", null,                            "200 200 200 200 200 404 403 404"),
        new("GET", "/api/v1/incidents/{incident}/audit?format=csv", null,                 "200 200 200 403 403 404 403 404"),
    ];

    public static TheoryData<DatabaseProvider, Caller> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, Caller>();
        foreach (var provider in TestDatabases.Providers)
            foreach (var caller in Enum.GetValues<Caller>())
                cases.Add(provider, caller);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_endpoint_answers_the_caller_as_their_role_and_organisation_allow(DatabaseProvider provider, Caller caller)
    {
        var world = await servers.For(provider);
        var column = Array.IndexOf(Columns, caller);
        var seesAlphaIncident = column is >= 0 and <= 4;
        var wrong = new List<string>();

        foreach (var row in Rows)
        {
            var expected = column < 0 ? HttpStatusCode.Unauthorized : (HttpStatusCode)int.Parse(row.Expected.Split(' ')[column]);
            var path = row.Path.Replace("{incident}", world.IncidentId.ToString()).Replace("{decide}", world.DutyToDecide.ToString())
                .Replace("{fulfil}", world.DutyToFulfil.ToString()).Replace("{evidence}", world.EvidenceId.ToString());
            using var response = await world.SendAsync(caller, new HttpMethod(row.Method), path, row.Body is null ? null : ApiWorld.Json(row.Body));
            var body = await response.Content.ReadAsStringAsync();

            if (response.StatusCode != expected) wrong.Add($"{row.Method} {row.Path}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
            if (!seesAlphaIncident && (body.Contains(ApiWorld.AlphaTitle) || body.Contains(ApiWorld.AlphaSecret) || body.Contains(ApiWorld.EvidenceSecret)))
                wrong.Add($"{row.Method} {row.Path}: leaked Alpha's incident to {caller}: {body}");
            if (expected == HttpStatusCode.NotFound && !body.Contains("Nothing with this id is visible to you"))
                wrong.Add($"{row.Method} {row.Path}: a 404 other than the one that says nothing: {body}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_other_organisation_lists_only_its_own_incidents_and_a_responder_only_theirs(DatabaseProvider provider)
    {
        var world = await servers.For(provider);

        var beta = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, "/api/v1/incidents"));
        var betaIds = beta.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(world.BetaIncidentId, betaIds);
        Assert.DoesNotContain(world.IncidentId, betaIds);
        Assert.DoesNotContain(world.OtherIncidentId, betaIds);

        var responder = await world.ReadJsonAsync(await world.GetAsync(Caller.ResponderOnAnotherIncident, "/api/v1/incidents"));
        Assert.Equal([world.OtherIncidentId], responder.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        using var foreign = await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{world.BetaIncidentId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("Beta donor list", await foreign.Content.ReadAsStringAsync());
    }
}
