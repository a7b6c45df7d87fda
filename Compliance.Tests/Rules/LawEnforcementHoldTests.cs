using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules;

// Law reference §0.9: law enforcement may ask an organisation to hold its notices to people. Where the law allows it,
// the people's clock stops for the hold; the regulator's keeps running.
public sealed class LawEnforcementHoldTests
{
    // Texans and Filipinos: name, national id and health data taken, determined and aware at the same instant.
    private static readonly Facts Incident = new Facts
    {
        AwareAt = "2026-03-10T10:00:00-05:00",
        Categories = [DataCategory.Name, DataCategory.NationalId, DataCategory.Health],
    }.And("US-TX", 300).And("PH", 50);

    private static readonly Instant Aware = Facts.Parse("2026-03-10T10:00:00-05:00");

    private static IReadOnlyList<AssessedObligation> Assess(LawEnforcementHold? hold) =>
        RulesEngine.Default.Assess(Incident.Build() with { LawEnforcementHold = hold });

    [Fact]
    public void An_individual_deadline_moves_by_the_length_of_the_hold_and_the_regulator_deadline_does_not()
    {
        var hold = new LawEnforcementHold(Aware + Duration.FromDays(3), Aware + Duration.FromDays(13) + Duration.FromHours(5));
        var before = Assess(null);
        var held = Assess(hold);

        var people = before.Single("us-tx-individuals").Deadline!.Value;
        Assert.Equal(people + Duration.FromDays(10) + Duration.FromHours(5), held.Single("us-tx-individuals").Deadline);
        Assert.Equal(before.Single("us-tx-ag").Deadline, held.Single("us-tx-ag").Deadline);
        Assert.Contains("Law enforcement asked to delay this notice", held.Single("us-tx-individuals").Reason);
        Assert.DoesNotContain("Law enforcement asked", held.Single("us-tx-ag").Reason);
    }

    [Fact]
    public void Only_a_regime_whose_law_allows_the_hold_is_suspended()
    {
        var hold = new LawEnforcementHold(Aware + Duration.FromHours(1), Aware + Duration.FromDays(20));
        var before = Assess(null);
        var held = Assess(hold);

        // The Philippines' 72 hours to data subjects (NPC Circular 16-03 s.18) allow delay for scope, not for the police.
        Assert.NotNull(before.Single("ph-npc-16-03-s18").Deadline);
        Assert.Equal(before.Single("ph-npc-16-03-s18").Deadline, held.Single("ph-npc-16-03-s18").Deadline);
        Assert.Equal(before.Single("us-tx-individuals").Deadline + (hold.Until - hold.From), held.Single("us-tx-individuals").Deadline);
        // The delay clause is catalogue data with its own source, cited on the held duty.
        Assert.Contains(held.Single("us-tx-individuals").Sources, s => s.Contains("delay", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_hold_over_before_the_clock_started_or_after_the_deadline_moves_nothing_and_a_hold_across_the_start_counts_from_the_start()
    {
        var deadline = Assess(null).Single("us-tx-individuals").Deadline!.Value;
        Assert.Equal(deadline, Assess(new(Aware - Duration.FromDays(9), Aware - Duration.FromDays(2))).Single("us-tx-individuals").Deadline);
        Assert.Equal(deadline, Assess(new(deadline + Duration.FromHours(1), deadline + Duration.FromDays(5))).Single("us-tx-individuals").Deadline);
        // Begun a day before awareness, lifted two days after: the clock lost two days, not three.
        Assert.Equal(deadline + Duration.FromDays(2), Assess(new(Aware - Duration.FromDays(1), Aware + Duration.FromDays(2))).Single("us-tx-individuals").Deadline);
    }

    [Fact]
    public void Every_catalogue_rule_that_allows_a_hold_is_a_notice_to_people_citing_its_source()
    {
        var allowing = RuleCatalogue.Default.Regimes.SelectMany(r => r.Versions).SelectMany(v => v.Duties).Where(d => d.LawEnforcementDelay is not null).ToList();
        Assert.All(allowing, d => Assert.Equal(Recipient.Individuals, d.Recipient));
        Assert.All(allowing, d => Assert.NotEmpty(d.LawEnforcementDelay!.Sources));
        Assert.Contains(allowing, d => d.Id == "ke-dpa-s43-1b");
        Assert.Contains(allowing, d => d.Id == "za-popia-s22-individuals");
        Assert.Contains(allowing, d => d.Id == "ca-qc-s3-5-individuals");
        Assert.DoesNotContain(allowing, d => d.Id is "eu-gdpr-art34" or "ph-npc-16-03-s18" or "ca-pipeda-s10-1-individuals");
    }

    [Fact]
    public void The_assessment_contract_reads_the_hold_and_names_a_wrong_end()
    {
        const string body = """
            {"organisation":{"timeZone":"America/Chicago"},"awareAt":"2026-03-10T10:00:00-05:00","dataCategories":["name","national-id"],
             "affected":[{"jurisdiction":"US-TX","count":300}],"exfiltration":"confirmed","encryption":"none","cause":"phishing","riskLevel":"high",
             "lawEnforcementHold":{"from":"2026-03-12T09:00:00-05:00","until":"%UNTIL%"}}
            """;
        var ok = AssessmentRequestParser.Parse(body.Replace("%UNTIL%", "2026-03-19T09:00:00-05:00"));
        Assert.Equal(Duration.FromDays(7), ok.Facts!.LawEnforcementHold!.Until - ok.Facts.LawEnforcementHold.From);

        var backwards = AssessmentRequestParser.Parse(body.Replace("%UNTIL%", "2026-03-11T09:00:00-05:00"));
        Assert.False(backwards.IsValid);
        Assert.Contains("lawEnforcementHold.until", backwards.Errors.Keys);
        var missing = AssessmentRequestParser.Parse(body.Replace(",\"until\":\"%UNTIL%\"", ""));
        Assert.Contains("lawEnforcementHold.until", missing.Errors.Keys);
    }
}
