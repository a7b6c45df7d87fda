using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>US states that need a risk of harm, and other clocks of their own (law reference §21). Dates are worked out by hand in the comments beside each case.</summary>
public class UsRiskOfHarmTests
{
    // ---------------------------------------------------------------- risk of harm

    [Fact]
    public void Washington_needs_a_risk_of_harm()
    {
        var incident = UsIncident.In("US-WA", 501);

        Assert.Empty((incident with { Risk = RiskLevel.Unlikely }).Assess());
        var obligations = (incident with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal(["us-wa-ag", "us-wa-cra", "us-wa-individuals"], obligations.RuleIds());
        Assert.Equal("2026-04-09T23:59:59-07:00", obligations.Rule("us-wa-ag").DeadlineText());
    }

    [Fact]
    public void Alaska_without_likely_harm_files_a_written_determination_with_the_Attorney_General_instead_of_notifying()
    {
        var unlikely = (UsIncident.In("US-AK", 2000) with { Risk = RiskLevel.Unlikely }).Assess();
        Assert.Equal(["us-ak-ag-determination"], unlikely.RuleIds());
        Assert.Equal(Verification.M, unlikely[0].Verification);

        var likely = (UsIncident.In("US-AK", 2000) with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal(["us-ak-cra", "us-ak-individuals"], likely.RuleIds());
    }

    [Fact]
    public void Florida_waiver_filing_is_offered_only_when_harm_is_judged_unlikely()
    {
        var high = UsIncident.In("US-FL", 500).Assess();
        Assert.Equal(["us-fl-department", "us-fl-individuals"], high.RuleIds());

        var unlikely = (UsIncident.In("US-FL", 499) with { Risk = RiskLevel.Unlikely }).Assess();
        var waiver = unlikely.Rule("us-fl-no-harm-determination");
        Assert.False(waiver.Mandatory);
        Assert.Contains("2031-03-10", waiver.Reason, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- clock anchors other than determination

    [Fact]
    public void Maine_counts_30_days_from_becoming_aware_not_from_determination()
    {
        // Aware Mon 2 March 2026, determined 9 March: 2 March + 30 = 1 April 2026.
        var incident = UsIncident.In("US-ME", 1) with { AwareAt = "2026-03-02T09:00:00-05:00", DeterminedAt = "2026-03-09T09:00:00-04:00" };

        Assert.Equal("2026-04-01T23:59:59-04:00", incident.Assess().Rule("us-me-individuals").DeadlineText());
    }

    [Fact]
    public void Puerto_Rico_residents_are_found_under_either_code_and_DACO_gets_10_days()
    {
        // 10 March 2026 + 10 = 20 March 2026, 23:59:59 Atlantic Standard Time (no DST).
        foreach (var code in new[] { "US-PR", "PR" })
        {
            var daco = UsIncident.In(code, 1).Assess().Rule("us-pr-daco");
            Assert.Equal(code, daco.Jurisdiction);
            Assert.Equal("2026-03-20T23:59:59-04:00", daco.DeadlineText());
        }
    }
}
