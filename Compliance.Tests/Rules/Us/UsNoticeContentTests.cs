using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>What Massachusetts and Illinois notices to residents must and must not say (law reference §21). Dates are worked out by hand in the comments beside each case.</summary>
public class UsNoticeContentTests
{
    // ---------------------------------------------------------------- Massachusetts, Illinois content

    [Fact]
    public void Massachusetts_notifies_both_the_Attorney_General_and_OCABR_for_any_number_without_a_day_count()
    {
        var regulators = UsIncident.In("US-MA", 1).Assess().Where(o => o.Recipient == Recipient.Regulator).ToList();

        Assert.Equal(["us-ma-ag", "us-ma-ocabr"], regulators.RuleIds());
        Assert.Equal("Massachusetts Attorney General", regulators.Rule("us-ma-ag").Authority);
        Assert.Equal("Office of Consumer Affairs and Business Regulation (OCABR)", regulators.Rule("us-ma-ocabr").Authority);
        Assert.All(regulators, o => Assert.Null(o.Deadline));
    }

    [Fact]
    public void Massachusetts_residents_notice_must_not_state_the_nature_of_the_breach_or_the_number_affected()
    {
        var duty = UsCatalogue.Duty("us-ma", "2020-01-01", "us-ma-individuals");

        Assert.Equal(2, duty.ProhibitedContent.Count);
        Assert.Contains(duty.ProhibitedContent, p => p.Contains("nature of the breach", StringComparison.Ordinal));
        Assert.Contains(duty.ProhibitedContent, p => p.Contains("number of Massachusetts residents", StringComparison.Ordinal));
        Assert.Equal(["nature", "count"], duty.Notice!.ForbiddenFields);   // what the notice check enforces
        Assert.Contains(duty.Content, c => c.Contains("18 months", StringComparison.Ordinal));
    }

    [Fact]
    public void Illinois_residents_notice_must_not_include_the_number_of_Illinois_residents()
    {
        var duty = UsCatalogue.Duty("us-il", "2020-01-01", "us-il-individuals");

        Assert.Equal(["The number of Illinois residents affected"], duty.ProhibitedContent);
        Assert.Equal(["count"], duty.Notice!.ForbiddenFields);   // what the notice check enforces
    }

    [Fact]
    public void Massachusetts_misuse_by_a_malicious_insider_counts_without_exfiltration()
    {
        var incident = UsIncident.In("US-MA", 3) with { Exfiltration = Exfiltration.NotFound };

        Assert.Empty(incident.Assess());
        var misuse = new UsIncident { Affected = [("US-MA", 3)], Exfiltration = Exfiltration.NotFound }.Facts() with { Cause = Cause.InsiderMalicious };
        Assert.Contains(Compliance.Domain.Rules.Engine.RulesEngine.Default.Assess(misuse), o => o.RuleId == "us-ma-individuals");
    }
}
