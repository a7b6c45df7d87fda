using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// What no one region owns: Switzerland (law reference section 20), the United States as a whole, and the order of
// obligations. Each region's rules have a file of their own (CanadaRulesTests, AsiaRulesTests, BrazilRulesTests, ...).
public sealed class InternationalRulesTests
{
    // ---- Switzerland (section 20).
    [Fact]
    public void Switzerland_has_a_duty_only_from_the_revised_act_and_only_for_high_risk()
    {
        Assert.Empty((Facts.In("CH", 10) with { AwareAt = "2023-08-31T12:00:00+02:00" }).Assess());
        Assert.Equal(["ch-dpo-art15-4"], (Facts.In("CH", 10) with { AwareAt = "2023-09-01T12:00:00+02:00", Risk = RiskLevel.Risk }).Assess().Select(o => o.RuleId));
        Assert.Null(Facts.In("CH", 10).Assess().Single("ch-fadp-art24").Deadline);
    }

    // ---- The United States as a whole has no federal duty.
    [Fact]
    public void People_in_the_US_without_a_state_bring_no_duty()
    {
        Assert.Empty(Facts.In("US", 1000).Assess());
    }

    // ---- Ordering (design.md): by deadline, then jurisdiction; open-ended duties last.
    [Fact]
    public void Obligations_are_sorted_by_deadline_then_jurisdiction_with_open_ended_duties_last()
    {
        var all = Facts.In("KE", 10).And("NG", 10).And("TH", 10).And("SG", 10).And("HK", 10).Assess();
        var dated = all.TakeWhile(o => o.Deadline is not null).ToList();
        Assert.True(dated.Count >= 4);
        Assert.Equal(dated.OrderBy(o => o.Deadline).ThenBy(o => o.Jurisdiction, StringComparer.Ordinal), dated);
        Assert.All(all.Skip(dated.Count), o => Assert.Null(o.Deadline));
        // KE 72 h from 15:00 UTC is the same instant as NG's: the jurisdiction breaks the tie.
        Assert.Equal(["KE", "NG", "TH"], dated.Where(o => o.Recipient == Recipient.Regulator && o.Deadline == dated[0].Deadline).Select(o => o.Jurisdiction));
    }
}
