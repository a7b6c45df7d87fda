using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// One class of tests per regime would be tidier to browse; one file keeps the reference sections side by side.
public sealed class InternationalRulesTests
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

    // ---- Philippines, Thailand, China, Switzerland (sections 17-20).
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
