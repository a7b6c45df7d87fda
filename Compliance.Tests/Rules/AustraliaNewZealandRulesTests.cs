using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Australia and New Zealand (law reference sections 7-8).
public sealed class AustraliaNewZealandRulesTests
{
    // ---- Australia (section 7): small-NFP exemption; 30-day assessment; notify as soon as practicable.
    [Fact]
    public void An_Australian_NFP_under_3_million_turnover_is_exempt()
    {
        Assert.Empty(Facts.In("AU-NSW", 5000).Assess());
    }

    [Fact]
    public void A_suspected_eligible_breach_must_be_assessed_within_30_days_counted_in_Sydney()
    {
        // 16:00 in Dublin is 01:00 the next day in Sydney: the 30 days count from 14 June there.
        var all = (Facts.In("AU-VIC", 5000) with { Attributes = ["au-turnover-over-3m"], Risk = RiskLevel.Risk }).Assess();
        var assessment = Assert.Single(all);
        Assert.Equal("au-ndb-s26wh", assessment.RuleId);
        Assert.Equal("AU", assessment.Jurisdiction);
        Assert.Equal("2025-07-14T23:59:59+10:00", assessment.DeadlineText());
    }

    [Fact]
    public void Likely_serious_harm_means_the_OAIC_and_the_people_as_soon_as_practicable()
    {
        var all = (Facts.In("AU-NSW", 10).And("AU-WA", 5) with { Attributes = ["au-carve-in"] }).Assess();
        var oaic = all.Single("au-ndb-s26wk");
        Assert.Null(oaic.Deadline);
        all.Single("au-ndb-s26wl");
        all.None("au-ndb-s26wh");
    }

    // ---- New Zealand (section 8): as soon as practicable, 72 h is a guide from knowing it is notifiable.
    [Fact]
    public void New_Zealand_has_no_legal_limit_but_a_72_hour_target_from_the_assessment()
    {
        var opc = (Facts.In("NZ", 10) with { AssessedAt = "2025-06-20T09:00:00+12:00" }).Assess().Single("nz-privacy-s114");
        Assert.Null(opc.Deadline);
        Assert.Equal("2025-06-23T09:00:00+12:00", opc.Target.Local(opc));
    }
}
