using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Risk;

/// <summary>
/// POST /incidents/{id}/risk-assessment/proposal shows what the guided assessment proposes before anyone confirms,
/// storing and auditing nothing; GET /incidents/{id}/risk-assessment reads back what was confirmed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RiskProposalApiTests(ApiServers servers)
{
    private const string StateActorAnswers = """{ "stateActor": true, "politicalExposure": true, "identification": "maximum", "lost": ["confidentiality"], "misuse": "possible", "consequences": "severe" }""";

    private static string Proposal(Guid incident) => $"/api/v1/incidents/{incident}/risk-assessment/proposal";
    private static string Assessment(Guid incident) => $"/api/v1/incidents/{incident}/risk-assessment";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_state_actor_with_political_opinions_proposes_high_with_its_reasons_and_nothing_is_stored_or_audited(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        var auditBefore = await AuditCountAsync(world, id);

        var proposal = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, Proposal(id), $$"""{ "answers": {{StateActorAnswers}} }"""));
        Assert.Equal("high", proposal.GetProperty("proposedLevel").GetString());
        var first = proposal.GetProperty("reasons")[0];
        Assert.Equal("State actor and political opinion or membership", first.GetProperty("factor").GetString());
        Assert.Equal("high", first.GetProperty("level").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.Viewer, Assessment(id))).StatusCode);
        var incident = await world.ReadJsonAsync(await world.GetAsync(Caller.Viewer, $"/api/v1/incidents/{id}"));
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("riskAssessment").ValueKind);
        Assert.Equal(auditBefore, await AuditCountAsync(world, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_proposal_is_what_confirming_the_same_answers_stores_and_the_stored_assessment_reads_back_with_the_incidents_ETag(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        var proposal = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, Proposal(id), $$"""{ "answers": {{StateActorAnswers}} }"""));

        using var put = await world.SendAsync(Caller.Admin, HttpMethod.Put, Assessment(id),
            ApiWorld.Json($$"""{ "answers": {{StateActorAnswers}}, "confirmedLevel": "high" }"""));
        var confirmed = await world.ReadJsonAsync(put);
        Assert.Equal(proposal.GetProperty("proposedLevel").GetString(), confirmed.GetProperty("proposedLevel").GetString());
        Assert.Equal(proposal.GetProperty("reasons").GetRawText(), confirmed.GetProperty("reasons").GetRawText());

        using var read = await world.GetAsync(Caller.Legal, Assessment(id));
        var stored = await world.ReadJsonAsync(read);
        Assert.Equal(confirmed.GetRawText(), stored.GetRawText());
        Assert.Equal(put.Headers.ETag, read.Headers.ETag);
        Assert.True(stored.GetProperty("current").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Legal_and_viewers_may_not_ask_for_a_proposal_as_on_the_page(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        foreach (var caller in new[] { Caller.Legal, Caller.Viewer, Caller.ResponderOnThisIncident })
        {
            using var refused = await world.PostJsonAsync(caller, Proposal(id), $$"""{ "answers": {{StateActorAnswers}} }""");
            Assert.Equal(caller == Caller.ResponderOnThisIncident ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisations_incident_is_not_found_for_the_proposal_or_the_assessment(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        await world.ReadJsonAsync(await world.SendAsync(Caller.Admin, HttpMethod.Put, Assessment(id),
            ApiWorld.Json($$"""{ "answers": {{StateActorAnswers}}, "confirmedLevel": "high" }""")));

        using var proposal = await world.PostJsonAsync(Caller.OtherOrganisation, Proposal(id), $$"""{ "answers": {{StateActorAnswers}} }""");
        using var read = await world.GetAsync(Caller.OtherOrganisation, Assessment(id));
        Assert.Equal(HttpStatusCode.NotFound, proposal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("high", await read.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_answers_are_refused_naming_each_field(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var id = await CreateAsync(world);
        using var refused = await world.PostJsonAsync(Caller.SecurityLead, Proposal(id),
            """{ "answers": { "stateActor": "yes", "misuse": "no-sign", "consequences": "minor", "mood": "grim" }, "confirmedLevel": "high" }""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        foreach (var field in new[] { "answers.stateActor", "answers.identification", "answers.mood", "confirmedLevel" })
            Assert.NotEmpty(IncidentStoryTests.ErrorsOf(problem, field));

        using var empty = await world.PostJsonAsync(Caller.SecurityLead, Proposal(id), "{}");
        Assert.NotEmpty(IncidentStoryTests.ErrorsOf(await empty.Content.ReadAsStringAsync(), "answers"));
    }

    private static async Task<Guid> CreateAsync(ApiWorld world) =>
        (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, "/api/v1/incidents", ApiWorld.HongKongIncident("Organisers' chat group exposed"))))
            .GetProperty("id").GetGuid();

    private static async Task<int> AuditCountAsync(ApiWorld world, Guid id) =>
        (await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{id}/audit?limit=200"))).GetProperty("entries").GetArrayLength();
}
