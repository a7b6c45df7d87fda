using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Africa (law reference sections 14-16): South Africa, Kenya, Nigeria.
public sealed class AfricaRulesTests
{
    // ---- Africa (sections 14-16).
    [Fact]
    public void South_Africa_has_no_harm_threshold()
    {
        var all = (Facts.In("ZA", 1) with { Risk = RiskLevel.Unlikely, Exfiltration = Exfiltration.NotFound }).Assess();
        all.Single("za-popia-s22-regulator");
        all.Single("za-popia-s22-individuals");
    }

    [Fact]
    public void Kenya_gives_the_commissioner_72_hours_on_a_real_risk_of_harm()
    {
        var all = (Facts.In("KE", 10) with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal("2025-06-16T18:00:00+03:00", all.Single("ke-dpa-s43-1a").DeadlineText());
        Assert.Null(all.Single("ke-dpa-s43-1b").Deadline);
    }

    [Fact]
    public void Nigeria_tells_people_only_on_high_risk()
    {
        var risk = (Facts.In("NG", 10) with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal("2025-06-16T16:00:00+01:00", risk.Single("ng-ndpa-s40-2").DeadlineText());
        risk.None("ng-ndpa-s40-3");
        Facts.In("NG", 10).Assess().Single("ng-ndpa-s40-3");
    }
}
