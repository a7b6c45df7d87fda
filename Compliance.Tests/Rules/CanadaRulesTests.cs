using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Canada (law reference sections 4-6): PIPEDA, Quebec and Alberta.
public sealed class CanadaRulesTests
{
    // ---- Canada PIPEDA (section 4): commercial activity only; RROSH; 24-month record from determination.
    [Fact]
    public void PIPEDA_does_not_reach_ordinary_charity_fundraising()
    {
        Assert.Empty(Facts.In("CA", 38000).Assess());
    }

    [Fact]
    public void PIPEDA_with_commercial_activity_and_RROSH_means_the_OPC_people_others_and_a_record()
    {
        var all = (Facts.In("CA-ON", 100) with { Attributes = ["commercial-activity"], DeterminedAt = "2022-10-05T10:00:00-04:00", AwareAt = "2022-10-05T10:00:00-04:00" }).Assess();
        var opc = all.Single("ca-pipeda-s10-1-opc");
        Assert.Equal("CA", opc.Jurisdiction);
        Assert.Null(opc.Deadline);
        all.Single("ca-pipeda-s10-1-individuals");
        Assert.Equal(Recipient.Other, all.Single("ca-pipeda-s10-2").Recipient);
        Assert.Contains("2024-10-05", all.Single("ca-pipeda-s10-3").Reason);
    }

    [Fact]
    public void Without_RROSH_PIPEDA_still_wants_the_breach_recorded()
    {
        var all = (Facts.In("CA", 100) with { Attributes = ["commercial-activity"], Risk = RiskLevel.Risk }).Assess();
        Assert.Equal(["ca-pipeda-s10-3"], all.Select(o => o.RuleId));
    }

    // ---- Quebec (section 5) and Alberta (section 6).
    [Fact]
    public void Quebec_registers_every_incident_and_notifies_promptly_on_risk_of_serious_injury()
    {
        var low = (Facts.In("CA-QC", 6500) with { Risk = RiskLevel.Risk, AwareAt = "2022-10-05T10:00:00-04:00" }).Assess();
        var register = Assert.Single(low);
        Assert.Equal("ca-qc-s3-8-register", register.RuleId);
        Assert.Contains("2027-10-05", register.Reason);

        var high = Facts.In("CA-QC", 6500).Assess();
        Assert.Null(high.Single("ca-qc-s3-5-cai").Deadline);
        high.Single("ca-qc-s3-5-individuals");
    }

    [Fact]
    public void Alberta_binds_a_non_profit_only_for_commercial_activity()
    {
        Assert.Empty(Facts.In("CA-AB", 10).Assess());
        var all = (Facts.In("CA-AB", 10) with { Attributes = ["commercial-activity"] }).Assess();
        Assert.Equal("America/Edmonton", all.Single("ca-ab-pipa-s34-1").TimeZone.Id);
        Assert.False(all.Single("ca-ab-pipa-s37-1").Mandatory);
    }
}
