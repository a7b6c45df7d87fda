using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Risk;

/// <summary>PUT /incidents/{id}/risk-assessment: the proposal, the confirmation or override, the duties and the audit.</summary>
[Collection(ApiCollection.Name)]
public sealed class RiskAssessmentApiTests(ApiServers servers)
{
    // Beta's own incident: 300 people in Ireland, names and emails, a misconfigured share: the assessment proposes "a risk".
    private const string Exposed = """
        { "title": "Shared folder of members left open", "awareAt": "2019-03-15T09:00:00+00:00", "timeZone": "Europe/Dublin",
          "dataCategories": ["name", "email"], "affected": [{ "jurisdiction": "IE", "count": 300 }],
          "exfiltration": "suspected", "encryption": "none", "cause": "misconfiguration", "riskLevel": "risk" }
        """;

    private const string QuietAnswers = """{ "identification": "maximum", "misuse": "no-sign", "consequences": "minor" }""";
    private const string StateActorAnswers = """{ "stateActor": true, "politicalExposure": true, "identification": "maximum", "misuse": "possible", "consequences": "severe" }""";

    private static string Body(string answers, string level, string? rationale = null) =>
        $$"""{ "answers": {{answers}}, "confirmedLevel": "{{level}}"{{(rationale is null ? "" : $", \"rationale\": \"{rationale}\"")}} }""";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_state_actor_with_political_opinions_proposes_high_which_confirmed_brings_the_duty_to_tell_the_people(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);

        using var put = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Put, $"/api/v1/incidents/{id}/risk-assessment", ApiWorld.Json(Body(StateActorAnswers, "high")));
        var assessment = await world.ReadJsonAsync(put);
        Assert.Equal("high", assessment.GetProperty("proposedLevel").GetString());
        Assert.False(assessment.GetProperty("overridden").GetBoolean());
        var first = assessment.GetProperty("reasons")[0];
        Assert.Equal("State actor and political opinion or membership", first.GetProperty("factor").GetString());
        Assert.Contains("PIPEDA", first.GetProperty("source").GetString());

        var incident = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/incidents/{id}"));
        Assert.Equal("high", incident.GetProperty("riskLevel").GetString());
        Assert.Equal("high", incident.GetProperty("riskAssessment").GetProperty("confirmedLevel").GetString());
        Assert.True(incident.GetProperty("riskAssessment").GetProperty("current").GetBoolean());
        Assert.Contains("eu-gdpr-art34", await RuleIdsAsync(world, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_override_without_a_rationale_is_refused_naming_the_field_and_with_one_it_is_audited_and_changes_the_duties(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        var path = $"/api/v1/incidents/{id}/risk-assessment";

        using var refused = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Put, path, ApiWorld.Json(Body(QuietAnswers, "high")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
            Assert.Contains("proposes 'risk'", problem.RootElement.GetProperty("errors").GetProperty("rationale")[0].GetString());
        Assert.DoesNotContain("eu-gdpr-art34", await RuleIdsAsync(world, id));

        using var missing = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Put, path,
            ApiWorld.Json("""{ "answers": { "stateActor": "yes", "misuse": "no-sign", "consequences": "minor" }, "confirmedLevel": "high" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using (var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("answers.identification", out _));
            Assert.True(errors.TryGetProperty("answers.stateActor", out _));
        }

        using var overridden = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Put, path,
            ApiWorld.Json(Body(QuietAnswers, "high", "Our members are activists; the board chose to tell them all.")));
        var assessment = await world.ReadJsonAsync(overridden);
        Assert.True(assessment.GetProperty("overridden").GetBoolean());
        Assert.Equal("risk", assessment.GetProperty("proposedLevel").GetString());
        Assert.Contains("eu-gdpr-art34", await RuleIdsAsync(world, id));

        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/incidents/{id}/audit?limit=200"));
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "risk.overridden");
        var data = entry.GetProperty("data");
        Assert.Equal("Our members are activists; the board chose to tell them all.", data.GetProperty("rationale").GetString());
        Assert.Equal("risk", data.GetProperty("proposed").GetString());
        Assert.Equal("high", data.GetProperty("after").GetString());
        Assert.Equal("maximum", data.GetProperty("answers").GetProperty("identification").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_incident_is_not_found_and_nothing_changes(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        using var foreign = await world.SendAsync(Caller.Admin, HttpMethod.Put, $"/api/v1/incidents/{id}/risk-assessment",
            ApiWorld.Json(Body(StateActorAnswers, "high")));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var incident = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/incidents/{id}"));
        Assert.Equal("risk", incident.GetProperty("riskLevel").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("riskAssessment").ValueKind);
    }

    private static async Task<Guid> CreateAsync(ApiWorld world)
    {
        using var created = await world.PostJsonAsync(Caller.OtherOrganisation, "/api/v1/incidents", Exposed);
        return (await world.ReadJsonAsync(created)).GetProperty("id").GetGuid();
    }

    private static async Task<List<string?>> RuleIdsAsync(ApiWorld world, Guid id)
    {
        var duties = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/incidents/{id}/obligations"));
        return duties.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("ruleId").GetString()).ToList();
    }
}
