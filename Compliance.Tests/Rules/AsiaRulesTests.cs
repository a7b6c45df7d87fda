using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Asia (law reference sections 3, 9-11, 13, 17-19): Hong Kong, Singapore, Japan, South Korea, India, the Philippines, Thailand, China.
public sealed class AsiaRulesTests
{
    // ---- Hong Kong (reference section 3): voluntary, as soon as practicable.
    [Fact]
    public void Hong_Kong_duties_are_recommendations_with_no_deadline()
    {
        var all = (Facts.In("HK", 2400) with { Cause = Cause.ExternalAttack, Categories = [DataCategory.Name, DataCategory.NationalId] }).Assess();
        var pcpd = all.Single("hk-pdpo-pcpd");
        Assert.False(pcpd.Mandatory);
        Assert.Null(pcpd.Deadline);
        Assert.Equal("Asia/Hong_Kong", pcpd.TimeZone.Id);
        Assert.False(all.Single("hk-pdpo-individuals").Mandatory);
        Assert.Equal(Recipient.LawEnforcement, all.Single("hk-police").Recipient);
        Assert.All(all, o => Assert.False(o.Mandatory));
    }

    // ---- Singapore (section 9): significant harm or scale; 3 calendar days after the assessment day.
    [Fact]
    public void Singapore_counts_3_calendar_days_after_the_assessment_day()
    {
        var pdpc = (Facts.In("SG", 10) with { AssessedAt = "2025-06-13T10:00:00+08:00" }).Assess().Single("sg-pdpa-s26d-1");
        Assert.Equal("2025-06-16T23:59:59+08:00", pdpc.DeadlineText());
    }

    [Fact]
    public void Five_hundred_people_make_a_breach_notifiable_by_scale_but_the_people_need_significant_harm()
    {
        var scale = (Facts.In("SG", 500) with { Risk = RiskLevel.Risk }).Assess();
        scale.Single("sg-pdpa-s26d-1");
        scale.None("sg-pdpa-s26d-2");

        var small = (Facts.In("SG", 499) with { Risk = RiskLevel.Risk }).Assess();
        small.None("sg-pdpa-s26d-1");
        small.Single("sg-pdpa-s26c");
    }

    [Fact]
    public void A_name_with_financial_data_is_deemed_significant_harm_in_Singapore()
    {
        var all = (Facts.In("SG", 3) with { Risk = RiskLevel.Risk, Categories = [DataCategory.Name, DataCategory.FinancialAccount] }).Assess();
        all.Single("sg-pdpa-s26d-1");
        all.Single("sg-pdpa-s26d-2");
    }

    // ---- Japan (section 10): preliminary promptly; final 30 or 60 days, the day of awareness as day 1.
    [Fact]
    public void Japan_final_report_is_due_on_day_30_counting_the_day_of_awareness()
    {
        var all = (Facts.In("JP", 1001) with { Cause = Cause.InsiderError, AwareAt = "2025-06-13T10:00:00+09:00" }).Assess();
        Assert.Null(all.Single("jp-appi-rule8-preliminary").Deadline);
        Assert.Equal("2025-07-12T23:59:59+09:00", all.Single("jp-appi-rule8-final").DeadlineText());
    }

    [Fact]
    public void Japan_gives_60_days_where_the_leak_served_a_wrongful_purpose()
    {
        var all = (Facts.In("JP", 5) with { Cause = Cause.Ransomware, AwareAt = "2025-06-13T10:00:00+09:00" }).Assess();
        Assert.Equal("2025-08-11T23:59:59+09:00", all.Single("jp-appi-rule8-final-wrongful").DeadlineText());
        all.None("jp-appi-rule8-final");
    }

    [Fact]
    public void Japan_needs_no_report_for_a_small_accidental_leak_of_ordinary_data()
    {
        Assert.Empty((Facts.In("JP", 1000) with { Cause = Cause.Misdirected }).Assess());
    }

    // ---- South Korea (section 11): 72 hours; regulator thresholds.
    [Fact]
    public void Korea_tells_people_within_72_hours_and_the_PIPC_only_past_a_threshold()
    {
        var small = (Facts.In("KR", 999) with { Cause = Cause.InsiderError }).Assess();
        Assert.Equal("2025-06-17T00:00:00+09:00", small.Single("kr-pipa-art34-1").DeadlineText());
        small.None("kr-pipa-art34-3");
        (Facts.In("KR", 1000) with { Cause = Cause.InsiderError }).Assess().Single("kr-pipa-art34-3");
        (Facts.In("KR", 3) with { Cause = Cause.ExternalAttack }).Assess().Single("kr-pipa-art34-3");
    }

    // ---- India (section 13): nothing before Rule 7 commences.
    [Fact]
    public void India_has_no_DPDP_breach_duty_before_Rule_7_commences()
    {
        Assert.Empty((Facts.In("IN", 10) with { AwareAt = "2026-11-20T10:00:00+05:30" }).Assess());
    }

    [Fact]
    public void After_Rule_7_every_breach_means_an_intimation_and_a_detailed_report_in_72_hours()
    {
        var all = (Facts.In("IN", 10) with { AwareAt = "2027-06-01T10:00:00+05:30", Risk = RiskLevel.Unlikely }).Assess();
        Assert.Null(all.Single("in-dpdp-r7-2a").Deadline);
        var detailed = all.Single("in-dpdp-r7-2b");
        Assert.Equal("detailed", detailed.Stage);
        Assert.Equal("2027-06-04T10:00:00+05:30", detailed.DeadlineText());
        all.Single("in-dpdp-r7-1");
    }

    [Fact]
    public void CERT_In_applies_only_to_a_body_corporate_and_is_marked_verify_with_counsel()
    {
        (Facts.In("IN", 1) with { AwareAt = "2026-01-01T10:00:00+05:30" }).Assess().None("in-certin-6h");
        var certIn = (Facts.In("IN", 1) with { AwareAt = "2026-01-01T10:00:00+05:30", Attributes = ["in-body-corporate"] }).Assess().Single("in-certin-6h");
        Assert.Equal("2026-01-01T16:00:00+05:30", certIn.DeadlineText());
        Assert.Contains("Verify with counsel", certIn.Reason);
    }

    // ---- Philippines, Thailand, China (sections 17-19).
    [Fact]
    public void The_Philippines_needs_sensitive_data_acquisition_and_serious_harm()
    {
        (Facts.In("PH", 100)).Assess().None("ph-npc-16-03-s17");
        var all = (Facts.In("PH", 100) with { Categories = [DataCategory.Name, DataCategory.NationalId] }).Assess();
        Assert.Equal("2025-06-16T23:00:00+08:00", all.Single("ph-npc-16-03-s17").DeadlineText());
        Assert.Equal("2025-06-18T23:59:59+08:00", all.Single("ph-npc-16-03-full-report").DeadlineText());
        all.Single("ph-npc-16-03-s18");
        (Facts.In("PH", 100) with { Categories = [DataCategory.NationalId], Exfiltration = Exfiltration.NotFound }).Assess().None("ph-npc-16-03-s17");
    }

    [Fact]
    public void Thailand_notifies_unless_there_is_no_risk()
    {
        Assert.Empty((Facts.In("TH", 10) with { Risk = RiskLevel.Unlikely }).Assess());
        Assert.Equal("2025-06-16T22:00:00+07:00", Facts.In("TH", 10).Assess().Single("th-pdpa-s37-4").DeadlineText());
    }

    [Fact]
    public void China_notifies_immediately_and_spares_people_only_when_harm_is_avoided()
    {
        var all = (Facts.In("CN", 10) with { Encryption = Encryption.Encrypted }).Assess();
        Assert.Null(all.Single("cn-pipl-art57-authority").Deadline);
        all.None("cn-pipl-art57-individuals");
    }
}
