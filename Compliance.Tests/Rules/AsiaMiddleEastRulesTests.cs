using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Law reference §§37-47 (second wave): Indonesia, Malaysia, Vietnam, Taiwan, Macau, Sri Lanka, Israel, Turkey, UAE, Saudi Arabia, Qatar.
public sealed class AsiaMiddleEastRulesTests
{
    // ---- Indonesia (§37): 3 x 24 hours to the agency and the people, no threshold, no encryption safe harbour.
    [Fact]
    public void Indonesia_gives_3_times_24_hours_to_the_agency_and_the_people_at_any_risk_even_encrypted()
    {
        var all = (Facts.In("ID", 10) with { Risk = RiskLevel.Unlikely, Encryption = Encryption.Encrypted, Exfiltration = Exfiltration.NotFound }).Assess();
        Assert.Equal("2025-06-16T22:00:00+07:00", all.Single("id-uupdp-art46-lembaga").DeadlineText());
        Assert.Equal("2025-06-16T22:00:00+07:00", all.Single("id-uupdp-art46-individuals").DeadlineText());
    }

    [Fact]
    public void Indonesia_was_not_yet_operative_during_the_two_year_transition()
    {
        var all = (Facts.In("ID", 10) with { AwareAt = "2024-10-16T12:00:00+07:00" }).Explain();
        Assert.Empty(all);
        Assert.Equal(RegimeStatus.NotYetOperative, all.Regime("id-uupdp").Status);
        Assert.Equal(new NodaTime.LocalDate(2024, 10, 17), all.Regime("id-uupdp").OperativeFrom);
    }

    // ---- Malaysia (§38): commercial transactions only; 72 h; phases within 30 days; people not for scale alone.
    private static readonly Facts MalaysiaCommercial = Facts.In("MY", 50) with
    {
        Attributes = ["commercial-activity"], AwareAt = "2025-07-01T09:00:00+08:00",
    };

    [Fact]
    public void Malaysian_donor_and_beneficiary_processing_is_outside_the_Act_without_commercial_transactions()
    {
        var all = (MalaysiaCommercial with { Attributes = [] }).Explain();
        Assert.Empty(all);
        Assert.False(all.Regime("my-pdpa").GateMet);
    }

    [Fact]
    public void Malaysia_staged_report_72_hours_then_phases_within_30_days_of_the_initial_notice()
    {
        var all = MalaysiaCommercial.Assess();
        var initial = all.Single("my-pdpa-s12b-1");
        Assert.Equal("2025-07-04T09:00:00+08:00", initial.DeadlineText());
        var phases = all.Single("my-pdpa-s12b-1-phases");
        Assert.Equal("complement", phases.Stage);
        Assert.Equal("2025-08-03T23:59:59+08:00", phases.DeadlineText());
        var people = all.Single("my-pdpa-s12b-2");
        Assert.Null(people.Deadline);
        Assert.Equal("2025-07-11T23:59:59+08:00", people.TargetText());
    }

    [Fact]
    public void Malaysia_phases_count_from_the_initial_notice_once_it_is_recorded()
    {
        var facts = MalaysiaCommercial.Build() with
        {
            FulfilledAt = new Dictionary<string, NodaTime.Instant> { ["my-pdpa-s12b-1|MY"] = Facts.Parse("2025-07-02T10:00:00+08:00") },
        };
        var phases = Domain.Rules.Engine.RulesEngine.Default.Assess(facts).Single("my-pdpa-s12b-1-phases");
        Assert.Equal("2025-08-01T23:59:59+08:00", phases.DeadlineText());
    }

    [Fact]
    public void More_than_1000_people_is_significant_harm_for_the_Commissioner_but_not_for_the_people()
    {
        var at1000 = (MalaysiaCommercial with { Affected = [("MY", 1000)], Risk = RiskLevel.Risk }).Assess();
        at1000.None("my-pdpa-s12b-1");
        at1000.Single("my-pdpa-record");
        var at1001 = (MalaysiaCommercial with { Affected = [("MY", 1001)], Risk = RiskLevel.Risk }).Assess();
        at1001.Single("my-pdpa-s12b-1");
        at1001.None("my-pdpa-s12b-2");
        var sensitive = (MalaysiaCommercial with { Risk = RiskLevel.Risk, Categories = [DataCategory.Name, DataCategory.ReligiousBelief] }).Assess();
        sensitive.Single("my-pdpa-s12b-1");
        sensitive.Single("my-pdpa-s12b-2");
    }

    [Fact]
    public void Before_section_12B_Malaysia_had_no_breach_duty()
    {
        var all = (MalaysiaCommercial with { AwareAt = "2025-05-31T20:00:00+08:00" }).Explain();
        Assert.Empty(all);
        Assert.Equal(RegimeStatus.NoStatutoryDuty, all.Regime("my-pdpa").Status);
    }

    // ---- Vietnam (§39): Decree 13 until 2025, the PDP Law from 1 Jan 2026; 72 h either way.
    [Fact]
    public void Vietnam_changes_law_on_1_January_2026_and_keeps_72_hours()
    {
        var decree = (Facts.In("VN", 10) with { AwareAt = "2025-12-31T20:00:00+07:00", Risk = RiskLevel.Risk }).Assess().Single("vn-d13-art23-a05");
        Assert.Equal("2023-07-01", decree.RuleVersion);
        Assert.Equal("2026-01-03T20:00:00+07:00", decree.DeadlineText());
        Assert.Contains("occurs", decree.Reason);
        var law = (Facts.In("VN", 10) with { AwareAt = "2026-01-01T08:00:00+07:00" }).Assess();
        Assert.Equal("2026-01-04T08:00:00+07:00", law.Single("vn-pdpl-art23-a05").DeadlineText());
        law.Single("vn-pdpl-art23-individuals");
        Assert.Contains("Verify with counsel", law.Single("vn-pdpl-art23-a05").Reason);
    }

    // ---- Taiwan (§40): people only, once data was taken; the 2025 amendments await a date.
    [Fact]
    public void Taiwan_tells_people_after_investigation_and_no_regulator_yet()
    {
        var all = (Facts.In("TW", 10) with { AwareAt = "2026-02-02T10:00:00+08:00" }).Explain();
        Assert.Null(all.Single("tw-pdpa-art12-individuals").Deadline);
        Assert.DoesNotContain(all, o => o.Recipient == Recipient.Regulator);
        Assert.Equal(RegimeStatus.InForceNoFixedClock, all.Regime("tw-pdpa").Status);
        var amendments = all.Regime("tw-pdpa-2025");
        Assert.Equal(RegimeStatus.NotYetOperative, amendments.Status);
        Assert.Null(amendments.OperativeFrom);
        Assert.Contains("Executive Yuan", amendments.Note);
        Assert.Empty((Facts.In("TW", 10) with { Exfiltration = Exfiltration.NotFound }).Assess());
    }

    // ---- Macau (§41) and Sri Lanka (§42): no duty; not yet operative.
    [Fact]
    public void Macau_has_no_statutory_duty_only_voluntary_notices()
    {
        var all = Facts.In("MO", 10).Explain();
        Assert.All(all, o => Assert.False(o.Mandatory));
        Assert.Equal(RegimeStatus.NoStatutoryDuty, all.Regime("mo-pdpa").Status);
    }

    [Fact]
    public void Sri_Lankas_breach_duty_is_enacted_but_not_yet_operative()
    {
        var all = Facts.In("LK", 10).Explain();
        Assert.Empty(all);
        var regime = all.Regime("lk-pdpa");
        Assert.Equal(RegimeStatus.NotYetOperative, regime.Status);
        Assert.Contains("72 hours", regime.Note);
    }

    // ---- Israel (§43): severe incidents immediately; people only if ordered.
    [Fact]
    public void Israel_notifies_a_severe_incident_immediately_and_people_only_if_ordered()
    {
        var all = (Facts.In("IL", 10) with { AwareAt = "2026-03-26T12:00:00+02:00" }).Explain(); // the eve of Israel's spring change
        var ppa = all.Single("il-reg11-ppa");
        Assert.Null(ppa.Deadline);
        Assert.Equal("Asia/Jerusalem", ppa.TimeZone.Id);
        Assert.False(all.Single("il-reg11-individuals").Mandatory);
        Assert.Equal(RegimeStatus.InForceNoFixedClock, all.Regime("il-privacy-security").Status);
        Assert.Empty((Facts.In("IL", 10) with { Risk = RiskLevel.Risk }).Assess());
    }

    // ---- Turkey (§44): data obtained unlawfully, 72 h, no encryption exemption.
    [Fact]
    public void Turkey_gives_the_Board_72_hours_whenever_data_was_obtained_by_others()
    {
        var all = (Facts.In("TR", 10) with { Risk = RiskLevel.Unlikely, Encryption = Encryption.Encrypted }).Assess();
        Assert.Equal("2025-06-16T18:00:00+03:00", all.Single("tr-kvkk-art12-5-board").DeadlineText());
        Assert.Null(all.Single("tr-kvkk-art12-5-individuals").Deadline);
        var kept = (Facts.In("TR", 10) with { Exfiltration = Exfiltration.NotFound }).Assess();
        kept.None("tr-kvkk-art12-5-board");
        kept.Single("tr-kvkk-record");
    }

    // ---- UAE (§45), Saudi Arabia (§46), Qatar (§47).
    [Fact]
    public void The_UAE_federal_law_is_not_yet_enforceable()
    {
        var all = Facts.In("AE", 10).Explain();
        Assert.Empty(all);
        Assert.Equal(RegimeStatus.NotYetOperative, all.Regime("ae-pdpl").Status);
        Assert.Contains("Free zones (DIFC, ADGM)", all.Regime("ae-pdpl").Note);
    }

    [Fact]
    public void Saudi_Arabia_gives_SDAIA_72_hours_on_potential_harm_and_people_on_high_risk()
    {
        var risk = (Facts.In("SA", 10) with { Risk = RiskLevel.Risk }).Assess();
        Assert.Equal("2025-06-16T18:00:00+03:00", risk.Single("sa-pdpl-ir24-sdaia").DeadlineText());
        risk.None("sa-pdpl-ir24-individuals");
        Assert.Contains("Verify with counsel", Facts.In("SA", 10).Assess().Single("sa-pdpl-ir24-individuals").Reason);
        (Facts.In("SA", 10) with { Risk = RiskLevel.Unlikely }).Assess().None("sa-pdpl-ir24-sdaia");
    }

    [Fact]
    public void Qatar_has_no_statutory_clock_but_a_72_hour_target_on_serious_damage()
    {
        var all = Facts.In("QA", 10).Explain();
        var ncgaa = all.Single("qa-pdppl-art14-ncgaa");
        Assert.Null(ncgaa.Deadline);
        Assert.Equal("2025-06-16T18:00:00+03:00", ncgaa.TargetText());
        all.Single("qa-pdppl-art14-individuals");
        Assert.Equal(RegimeStatus.InForceNoFixedClock, all.Regime("qa-pdppl").Status);
        Assert.Empty((Facts.In("QA", 10) with { Risk = RiskLevel.Risk }).Assess());
    }
}
