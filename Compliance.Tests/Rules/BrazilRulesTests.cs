using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Brazil (law reference section 12): 3 business days in Brasília's calendar; doubled for small agents.
public sealed class BrazilRulesTests
{
    // ---- Brazil (section 12): 3 business days in Brasília's calendar; doubled for small agents.
    private static readonly Facts BrazilHealthLeak = Facts.In("BR", 100) with
    {
        AwareAt = "2025-11-19T10:00:00-03:00", Categories = [DataCategory.Name, DataCategory.Health],
    };

    [Fact]
    public void Brazil_counts_3_business_days_skipping_the_Consciencia_Negra_holiday()
    {
        var all = BrazilHealthLeak.Assess();
        Assert.Equal("2025-11-25T23:59:59-03:00", all.Single("br-anpd-res15-art6").DeadlineText()); // calendar days would give 22 Nov
        Assert.Equal("2025-11-25T23:59:59-03:00", all.Single("br-anpd-res15-art9").DeadlineText());
    }

    [Fact]
    public void A_small_processing_agent_has_6_business_days()
    {
        var anpd = (BrazilHealthLeak with { Attributes = ["br-small-processing-agent"] }).Assess().Single("br-anpd-res15-art6");
        Assert.Equal("2025-11-28T23:59:59-03:00", anpd.DeadlineText());
    }

    [Fact]
    public void Brazil_needs_a_significant_effect_and_a_listed_kind_of_data()
    {
        var ordinary = (BrazilHealthLeak with { Categories = [DataCategory.Name, DataCategory.Email] }).Assess();
        ordinary.None("br-anpd-res15-art6");
        ordinary.Single("br-anpd-res15-art10");
        (BrazilHealthLeak with { Risk = RiskLevel.Risk }).Assess().None("br-anpd-res15-art6");
    }

    [Fact]
    public void Before_Resolution_15_Brazil_had_only_a_non_binding_2_business_day_expectation()
    {
        var all = (BrazilHealthLeak with { AwareAt = "2023-11-14T10:00:00-03:00" }).Assess();
        var anpd = all.Single("br-lgpd-art48");
        Assert.Equal("2020-09-18", anpd.RuleVersion);
        Assert.Null(anpd.Deadline);
        Assert.Equal("2023-11-17T23:59:59-03:00", anpd.Target.Local(anpd));
        // 15 Nov (Wednesday) is a national holiday in 2023: two business days after Tuesday the 14th are 16 and 17 Nov.
    }
}
