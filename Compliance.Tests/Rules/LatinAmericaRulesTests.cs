using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Law reference §§29-36 (second wave): Mexico, Colombia, Argentina, Chile, Peru, Ecuador, Uruguay, Costa Rica.
public sealed class LatinAmericaRulesTests
{
    // ---- Mexico (§29): no regulator for private controllers; people told immediately when rights are significantly affected.
    [Fact]
    public void Mexico_tells_people_immediately_on_high_risk_and_never_a_regulator()
    {
        var all = Facts.In("MX", 500).Explain();
        var people = all.Single("mx-lfpdppp-individuals");
        Assert.Null(people.Deadline);
        Assert.Equal("America/Mexico_City", people.TimeZone.Id);
        Assert.Equal("2025-03-21", people.RuleVersion);
        Assert.DoesNotContain(all, o => o.Recipient == Recipient.Regulator);
        Assert.Equal(RegimeStatus.InForceNoFixedClock, all.Regime("mx-lfpdppp").Status);
        (Facts.In("MX", 500) with { Risk = RiskLevel.Risk }).Assess().None("mx-lfpdppp-individuals");
    }

    [Fact]
    public void Before_21_March_2025_Mexico_judges_by_the_2010_law()
    {
        var all = (Facts.In("MX", 10) with { AwareAt = "2025-03-20T23:00:00-06:00" }).Assess();
        Assert.Equal("2010-07-06", all.Single("mx-lfpdppp-2010-individuals").RuleVersion);
    }

    // ---- Colombia (§30): 15 business days in the RNBD, Colombian holidays skipped.
    [Fact]
    public void Colombia_counts_15_business_days_skipping_San_Jose_and_Holy_Week()
    {
        var sic = (Facts.In("CO", 200) with { AwareAt = "2026-03-18T10:00:00-05:00", Risk = RiskLevel.Risk }).Assess().Single("co-sic-rnbd-incident");
        Assert.Equal("2026-04-13T23:59:59-05:00", sic.DeadlineText()); // 23 Mar, 2 and 3 Apr are holidays (weekends only would give 8 Apr)
        Assert.Equal("Superintendencia de Industria y Comercio (SIC)", sic.Authority);
    }

    [Fact]
    public void Colombia_reports_from_risk_upward_and_only_recommends_telling_people()
    {
        var unlikely = (Facts.In("CO", 200) with { Risk = RiskLevel.Unlikely }).Assess();
        unlikely.None("co-sic-rnbd-incident");
        unlikely.Single("co-sic-record");
        var risk = (Facts.In("CO", 200) with { Risk = RiskLevel.Risk }).Explain();
        Assert.False(risk.Single("co-sic-individuals").Mandatory);
        Assert.Equal(RegimeStatus.InForceFixedClock, risk.Regime("co-law1581").Status);
    }

    // ---- Argentina (§31): no statutory duty, but keep a record.
    [Fact]
    public void Argentina_has_no_statutory_duty_only_a_record()
    {
        var all = Facts.In("AR", 5000).Explain();
        Assert.Equal(["ar-law25326-record"], all.Select(o => o.RuleId));
        var regime = all.Regime("ar-law25326");
        Assert.Equal(RegimeStatus.NoStatutoryDuty, regime.Status);
        Assert.Contains("no breach-notification duty", regime.Note);
    }

    // ---- Chile (§32): Law 21,719 from 1 Dec 2026, judged on the local date in Santiago.
    [Fact]
    public void Chile_has_no_duty_before_1_December_2026_in_Santiago_and_says_when_it_starts()
    {
        // 02:00 UTC on 1 Dec is still 30 Nov in Santiago (summer time, UTC-3).
        var before = (Facts.In("CL", 100) with { AwareAt = "2026-12-01T02:00:00+00:00", Categories = [DataCategory.Name, DataCategory.Health] }).Explain();
        Assert.Empty(before);
        var regime = before.Regime("cl-law21719");
        Assert.Equal(RegimeStatus.NotYetOperative, regime.Status);
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 1), regime.OperativeFrom);

        var after = (Facts.In("CL", 100) with { AwareAt = "2026-12-01T03:00:00+00:00", Categories = [DataCategory.Name, DataCategory.Health] }).Explain();
        Assert.Null(after.Single("cl-law21719-agency").Deadline);
        after.Single("cl-law21719-individuals");
        Assert.Equal(RegimeStatus.InForceNoFixedClock, after.Regime("cl-law21719").Status);
    }

    [Fact]
    public void Before_Law_21719_was_published_Chile_had_no_statutory_duty()
    {
        var regime = (Facts.In("CL", 100) with { AwareAt = "2024-06-01T10:00:00-04:00" }).Explain().Regime("cl-law21719");
        Assert.Equal(RegimeStatus.NoStatutoryDuty, regime.Status);
        Assert.Null(regime.OperativeFrom);
    }

    [Fact]
    public void Chile_tells_people_only_for_sensitive_childrens_or_financial_data()
    {
        const string december = "2026-12-10T10:00:00-03:00";
        var ordinary = (Facts.In("CL", 100) with { AwareAt = december, Risk = RiskLevel.Risk }).Assess();
        ordinary.Single("cl-law21719-agency");
        ordinary.None("cl-law21719-individuals");
        (Facts.In("CL", 100) with { AwareAt = december, Categories = [DataCategory.Name, DataCategory.PaymentCard] }).Assess().Single("cl-law21719-individuals");
        (Facts.In("CL", 100) with { AwareAt = december, Risk = RiskLevel.Unlikely }).Assess().None("cl-law21719-agency");
    }

    // ---- Peru (§33): 48 hours from awareness for large, sensitive or clearly harmful incidents.
    [Fact]
    public void Peru_gives_the_ANPD_48_hours_and_people_a_48_hour_target()
    {
        var all = Facts.In("PE", 100).Assess();
        Assert.Equal("2025-06-15T10:00:00-05:00", all.Single("pe-ds016-anpd").DeadlineText());
        var people = all.Single("pe-ds016-individuals");
        Assert.Null(people.Deadline);
        Assert.Equal("2025-06-15T10:00:00-05:00", people.TargetText());
    }

    [Fact]
    public void In_Peru_sensitive_data_is_notifiable_at_risk_and_ordinary_data_only_at_high()
    {
        (Facts.In("PE", 100) with { Risk = RiskLevel.Risk }).Assess().None("pe-ds016-anpd");
        (Facts.In("PE", 100) with { Risk = RiskLevel.Risk, Categories = [DataCategory.Name, DataCategory.Health] }).Assess().Single("pe-ds016-anpd");
        (Facts.In("PE", 100) with { Risk = RiskLevel.Unlikely, Categories = [DataCategory.Name, DataCategory.Health] }).Assess().None("pe-ds016-anpd");
    }

    [Fact]
    public void Before_the_2024_Regulation_Peru_had_no_breach_duty()
    {
        var all = (Facts.In("PE", 100) with { AwareAt = "2025-03-29T12:00:00-05:00" }).Explain();
        Assert.Empty(all);
        Assert.Equal(RegimeStatus.NoStatutoryDuty, all.Regime("pe-law29733").Status);
    }

    // ---- Ecuador (§34): "término" of 5 and 3 days: calendar days conservative, working days legal-latest.
    [Fact]
    public void Ecuador_shows_calendar_days_as_the_deadline_and_working_days_past_Carnival_as_the_latest()
    {
        var all = (Facts.In("EC", 100) with { AwareAt = "2026-02-13T10:00:00-05:00" }).Assess();
        var spdp = all.Single("ec-lopdp-art43");
        Assert.Equal("2026-02-18T23:59:59-05:00", spdp.DeadlineText());
        Assert.Equal("2026-02-24T23:59:59-05:00", spdp.LatestText()); // weekend and Carnival 16-17 Feb skipped
        var people = all.Single("ec-lopdp-art46");
        Assert.Equal("2026-02-16T23:59:59-05:00", people.DeadlineText());
        Assert.Equal("2026-02-20T23:59:59-05:00", people.LatestText());
        Assert.Contains("Verify with counsel", spdp.Reason);
        Assert.False(all.Single("ec-lopdp-art43-arcotel").Mandatory);
    }

    [Fact]
    public void Ecuador_tells_people_only_on_high_risk_and_nobody_when_a_risk_is_unlikely()
    {
        var risk = (Facts.In("EC", 100) with { Risk = RiskLevel.Risk }).Assess();
        risk.Single("ec-lopdp-art43");
        risk.None("ec-lopdp-art46");
        Assert.Empty((Facts.In("EC", 100) with { Risk = RiskLevel.Unlikely }).Assess());
    }

    // ---- Uruguay (§35): 24 h to start minimising, 72 h to the URCDP, then a final report.
    [Fact]
    public void Uruguay_has_a_72_hour_notice_then_a_final_report_with_no_deadline()
    {
        var all = (Facts.In("UY", 100) with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal("2025-06-14T12:00:00-03:00", all.Single("uy-d64-minimise").DeadlineText());
        var urcdp = all.Single("uy-d64-urcdp");
        Assert.Equal("2025-06-16T12:00:00-03:00", urcdp.DeadlineText());
        Assert.Equal("initial", urcdp.Stage);
        var final = all.Single("uy-d64-final-report");
        Assert.Equal("final", final.Stage);
        Assert.Null(final.Deadline);
        all.None("uy-d64-individuals");
        Facts.In("UY", 100).Assess().Single("uy-d64-individuals");
    }

    // ---- Costa Rica (§36): 5 business days to the people; PRODHAB only a target.
    [Fact]
    public void Costa_Rica_gives_people_5_business_days_skipping_Holy_Thursday_and_Good_Friday()
    {
        var all = (Facts.In("CR", 100) with { AwareAt = "2026-03-31T09:00:00-06:00", Risk = RiskLevel.Risk }).Assess();
        Assert.Equal("2026-04-09T23:59:59-06:00", all.Single("cr-r37554-individuals").DeadlineText());
        var prodhab = all.Single("cr-r37554-prodhab");
        Assert.Null(prodhab.Deadline);
        Assert.Equal("2026-04-09T23:59:59-06:00", prodhab.TargetText());
        Assert.Empty((Facts.In("CR", 100) with { Risk = RiskLevel.Unlikely }).Assess());
    }
}
