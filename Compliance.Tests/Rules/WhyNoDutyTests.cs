using System.Text.Json;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Explanations;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// "Why no duty here?" (issue 13): every regime routed to an affected jurisdiction says whether it gave a duty and, if
// not, which gate kept it away and what fact would change that. The Amnesty Canada 2022 case, typed in as a new user did.
public sealed class WhyNoDutyTests
{
    /// <summary>Aware 5 October 2022 in Toronto; 40,000 donors in Canada, 1,500 in New York and California, 300 in the UK;
    /// no evidence of exfiltration; a state-sponsored intrusion; names, emails and donation history.</summary>
    public static readonly Facts AmnestyCanada = new()
    {
        Establishments = ["CA"],
        Zone = "America/Toronto",
        AwareAt = "2022-10-05T10:00:00-04:00",
        Categories = [DataCategory.Name, DataCategory.Email, DataCategory.DonationHistory],
        Affected = [("CA", 40_000), ("US-NY", 1_000), ("US-CA", 500), ("GB", 300)],
        Exfiltration = Exfiltration.NotFound,
        Cause = Cause.ExternalAttack,
        Risk = RiskLevel.Risk,
    };

    private static ConsideredRule Entry(IncidentAssessment a, string jurisdiction, string ruleId) =>
        Assert.Single(a.Considered, c => c.Jurisdiction == jurisdiction && c.RuleId == ruleId);

    [Fact]
    public void PIPEDA_stays_away_from_a_charity_without_commercial_activity_and_says_so()
    {
        var a = AmnestyCanada.Explain();
        var pipeda = Entry(a, "CA", "ca-pipeda");

        Assert.False(pipeda.Applied);
        Assert.Equal(ReasonKind.OrganisationAttribute, pipeda.Kind);
        Assert.Contains("donor lists", pipeda.Reason);
        Assert.Contains("organisation settings", pipeda.Reason);
        Assert.Equal("organisation.attributes:commercial-activity", pipeda.Facts[0]);
        // And once that is ticked, PIPEDA still needs a real risk of significant harm: the user is told that too.
        Assert.Contains("significant harm", pipeda.Reason);
        Assert.Contains(FactIds.RiskLevel, pipeda.Facts);
        Assert.Empty(pipeda.DutyIds);
    }

    [Fact]
    public void Ticking_commercial_activity_and_confirming_a_high_risk_brings_the_PIPEDA_duties_in()
    {
        // Ticked alone: PIPEDA reaches the organisation (every breach goes in its register), but neither the OPC nor the
        // donors are owed a notice below a real risk of significant harm.
        var onlyTicked = (AmnestyCanada with { Attributes = ["commercial-activity"] }).Explain();
        var stillRisk = Entry(onlyTicked, "CA", "ca-pipeda");
        Assert.DoesNotContain("ca-pipeda-s10-1-opc", stillRisk.DutyIds);
        Assert.Contains("The notice to Office of the Privacy Commissioner of Canada (OPC)", stillRisk.Reason);
        Assert.Contains("do not arise: it needs a high risk to people", stillRisk.Reason);
        Assert.Contains("significant harm", stillRisk.Reason);
        Assert.Contains("the incident records a risk to people", stillRisk.Reason);
        Assert.Equal([FactIds.RiskLevel], stillRisk.Facts);

        var a = (AmnestyCanada with { Attributes = ["commercial-activity"], Risk = RiskLevel.High }).Explain();
        var pipeda = Entry(a, "CA", "ca-pipeda");
        Assert.True(pipeda.Applied);
        Assert.Equal(ReasonKind.Applied, pipeda.Kind);
        Assert.Contains("ca-pipeda-s10-1-opc", pipeda.DutyIds);
        Assert.Contains("ca-pipeda-s10-1-individuals", pipeda.DutyIds);
        a.Single("ca-pipeda-s10-1-opc");
    }

    [Theory]
    [InlineData("US-NY", "us-ny")]
    [InlineData("US-CA", "us-ca")]
    public void Each_US_state_names_the_data_element_that_is_missing(string state, string regime)
    {
        var entry = Entry(AmnestyCanada.Explain(), state, regime);

        Assert.False(entry.Applied);
        Assert.Equal(ReasonKind.NoTriggeringData, entry.Kind);
        Assert.Contains("Social Security number", entry.Reason);
        Assert.Contains("driver's licence", entry.Reason);
        Assert.Contains("account number with its access code", entry.Reason);
        Assert.Contains("name, email address and donation history", entry.Reason); // what was recorded
        Assert.Contains("username or email with its password", entry.Reason);
        Assert.Contains("Add the data element if it was taken", entry.Reason);
        Assert.Contains(FactIds.DataCategories, entry.Facts);
    }

    [Fact]
    public void Every_US_state_with_affected_people_gets_an_explanation_naming_a_data_element()
    {
        var a = AmnestyCanada.Explain();
        var states = a.Considered.Where(c => c.Jurisdiction.StartsWith("US-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["US-CA", "US-NY"], states.Select(s => s.Jurisdiction).Order());
        Assert.All(states, s => Assert.Contains("Social Security number", s.Reason));
    }

    [Fact]
    public void The_UK_regime_applied_and_its_duties_are_named()
    {
        var uk = Assert.Single(AmnestyCanada.Explain().Considered, c => c.Jurisdiction == "GB");
        Assert.True(uk.Applied);
        Assert.StartsWith("Applies:", uk.Reason);
        Assert.NotEmpty(uk.DutyIds);
    }

    [Fact]
    public void Under_the_count_threshold_the_consumer_reporting_agencies_are_not_told_and_the_count_is_named()
    {
        var ny = Entry((Facts.In("US-NY", 1_500) with { Categories = [DataCategory.Name, DataCategory.NationalId] }).Explain(), "US-NY", "us-ny");

        Assert.True(ny.Applied);
        Assert.Contains("consumer reporting agencies does not arise", ny.Reason);
        Assert.Contains("it needs at least 5,001 people in US-NY", ny.Reason);
        Assert.Contains("the incident counts 1,500 there", ny.Reason);
        Assert.Contains(FactIds.Affected, ny.Facts);
    }

    [Fact]
    public void Encrypted_data_with_a_safe_key_is_the_safe_harbour()
    {
        var ny = Entry((Facts.In("US-NY", 1_500) with { Categories = [DataCategory.Name, DataCategory.NationalId], Encryption = Encryption.Encrypted }).Explain(),
            "US-NY", "us-ny");

        Assert.False(ny.Applied);
        Assert.Equal(ReasonKind.EncryptionSafeHarbour, ny.Kind);
        Assert.Contains("safe harbour", ny.Reason);
        Assert.Equal(FactIds.Encryption, ny.Facts[0]);
    }

    [Fact]
    public void Hong_Kong_is_voluntary_whatever_the_risk()
    {
        var low = Entry((Facts.In("HK", 100) with { Risk = RiskLevel.Unlikely }).Explain(), "HK", "hk-pdpo");
        Assert.False(low.Applied);
        Assert.Equal(ReasonKind.Voluntary, low.Kind);
        Assert.Contains("Voluntary", low.Reason);

        var high = Entry(Facts.In("HK", 100).Explain(), "HK", "hk-pdpo");
        Assert.False(high.Applied);
        Assert.Equal(ReasonKind.Voluntary, high.Kind);
        Assert.NotEmpty(high.DutyIds); // the recommended steps are listed among the duties
    }

    [Fact]
    public void A_law_enacted_but_not_yet_operative_on_the_clock_start_says_from_when_it_binds()
    {
        var chile = Entry(Facts.In("CL", 100).Explain(), "CL", "cl-law21719");

        Assert.False(chile.Applied);
        Assert.Equal(ReasonKind.NotYetInForce, chile.Kind);
        Assert.Contains("13 June 2025", chile.Reason);
        Assert.Contains("1 December 2026", chile.Reason);
        Assert.Single(chile.Facts);
    }

    [Fact]
    public void British_Columbia_has_no_statutory_duty_for_a_private_NGO()
    {
        var bc = Entry(Facts.In("CA-BC", 100).Explain(), "CA-BC", "ca-bc-pipa");

        Assert.False(bc.Applied);
        Assert.Equal(ReasonKind.NoStatutoryDuty, bc.Kind);
        Assert.Contains("No statutory duty", bc.Reason);
        Assert.Empty(bc.Facts);
    }

    [Fact]
    public void The_contract_carries_considered_beside_the_obligations()
    {
        var json = JsonDocument.Parse(AssessmentResponseWriter.ToJson(AmnestyCanada.Explain())).RootElement;
        var considered = json.GetProperty("considered").EnumerateArray().ToList();
        var pipeda = Assert.Single(considered, c => c.GetProperty("ruleId").GetString() == "ca-pipeda");
        Assert.Equal(["jurisdiction", "ruleId", "applied", "reason", "facts", "kind", "duties", "verifyWithCounsel"], pipeda.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CA", pipeda.GetProperty("jurisdiction").GetString());
        Assert.False(pipeda.GetProperty("applied").GetBoolean());
        Assert.Equal("organisation-attribute", pipeda.GetProperty("kind").GetString());
        Assert.Equal("organisation.attributes:commercial-activity", pipeda.GetProperty("facts")[0].GetString());
        Assert.Contains(considered, c => c.GetProperty("jurisdiction").GetString() == "GB" && c.GetProperty("applied").GetBoolean());
    }

    private const string AmnestyCanadaJson = """
        {
          "organisation": { "establishments": ["CA"], "timeZone": "America/Toronto", "attributes": [] },
          "awareAt": "2022-10-05T10:00:00-04:00",
          "dataCategories": ["name", "email", "donation-history"],
          "affected": [{ "jurisdiction": "CA", "count": 40000 }, { "jurisdiction": "US-NY", "count": 1500 }, { "jurisdiction": "GB", "count": 300 }],
          "exfiltration": "not-found", "encryption": "none", "cause": "external-attack", "riskLevel": "risk"
        }
        """;

    private static void AssertPipedaExplained(string json)
    {
        var considered = JsonDocument.Parse(json).RootElement.GetProperty("considered").EnumerateArray().ToList();
        var pipeda = Assert.Single(considered, c => c.GetProperty("ruleId").GetString() == "ca-pipeda");
        Assert.False(pipeda.GetProperty("applied").GetBoolean());
        Assert.Contains("donor lists", pipeda.GetProperty("reason").GetString());
        Assert.Equal("organisation.attributes:commercial-activity", pipeda.GetProperty("facts")[0].GetString());
        var ny = Assert.Single(considered, c => c.GetProperty("jurisdiction").GetString() == "US-NY");
        Assert.Equal("no-triggering-data", ny.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_assess_command_prints_considered()
    {
        var (code, output, _) = await Support.Cli.RunAsync(Support.FixedClock.At("2026-01-01T00:00:00Z"), AmnestyCanadaJson, ["assess", "-"]);
        Assert.Equal(0, code);
        AssertPipedaExplained(output);
    }

    [Fact]
    public async Task The_API_returns_considered_and_its_OpenAPI_document_describes_it_and_the_hold()
    {
        await using var app = await Support.RunningApp.StartAsync(await Support.TestDatabases.CreateAsync(Compliance.Domain.Persistence.DatabaseProvider.Sqlite),
            Support.FixedClock.At("2026-01-01T00:00:00Z"));
        var response = await app.Client.PostAsync("/api/v1/assessments", new StringContent(AmnestyCanadaJson, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        AssertPipedaExplained(await response.Content.ReadAsStringAsync());

        var schemas = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("AssessmentResponse").GetProperty("properties").TryGetProperty("considered", out _));
        Assert.True(schemas.GetProperty("AssessmentConsidered").GetProperty("properties").TryGetProperty("facts", out _));
        Assert.True(schemas.GetProperty("AssessmentRequest").GetProperty("properties").TryGetProperty("lawEnforcementHold", out _));
    }
}
