using NodaTime;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.Rules;

// Law reference §§48-60 (second wave): Egypt, Morocco, Tunisia, Ghana, Uganda, Rwanda, Tanzania, Zambia, Zimbabwe,
// Mauritius, Botswana, Senegal, Côte d'Ivoire.
public sealed class AfricaWave2RulesTests
{
    // ---- Egypt (§48): operative from the Executive Regulations; 72 h counted on the instant across Cairo's DST.
    [Fact]
    public void Egypt_counts_72_hours_across_the_spring_clock_change_as_elapsed_time()
    {
        // Cairo moves from UTC+2 to UTC+3 at midnight on the last Friday of April (24 Apr 2026).
        var centre = (Facts.In("EG", 10) with { AwareAt = "2026-04-22T10:00:00+02:00", Risk = RiskLevel.Unlikely }).Assess().Single("eg-pdpl-art7-centre");
        Assert.Equal("2026-04-25T11:00:00+03:00", centre.DeadlineText()); // three days on the wall clock (10:00) would be 71 hours
        Assert.Equal(Duration.FromHours(72), centre.Deadline - Facts.Parse("2026-04-22T10:00:00+02:00"));
    }

    [Fact]
    public void Egypt_counts_72_hours_across_the_autumn_clock_change_as_elapsed_time()
    {
        // Back to UTC+2 at the end of the last Thursday of October (29 Oct 2026).
        var centre = (Facts.In("EG", 10) with { AwareAt = "2026-10-28T10:00:00+03:00" }).Assess().Single("eg-pdpl-art7-centre");
        Assert.Equal("2026-10-31T09:00:00+02:00", centre.DeadlineText());
    }

    [Fact]
    public void Egypt_tells_people_on_high_risk_with_a_target_3_days_after_the_Centre()
    {
        var all = (Facts.In("EG", 10) with { AwareAt = "2026-01-05T10:00:00+02:00" }).Assess();
        var people = all.Single("eg-pdpl-art7-individuals");
        Assert.Null(people.Deadline);
        Assert.Equal("2026-01-11T23:59:59+02:00", people.TargetText());
        Assert.Contains("Verify with counsel", people.Reason);
    }

    [Fact]
    public void Egypts_law_was_not_operative_before_its_Executive_Regulations()
    {
        var all = (Facts.In("EG", 10) with { AwareAt = "2025-11-01T12:00:00+02:00" }).Explain();
        Assert.Empty(all);
        Assert.Equal(RegimeStatus.NotYetOperative, all.Regime("eg-pdpl").Status);
        Assert.Equal(new NodaTime.LocalDate(2025, 11, 2), all.Regime("eg-pdpl").OperativeFrom);
    }

    // ---- No statutory duty: Morocco, Tunisia, Senegal, Côte d'Ivoire.
    [Theory]
    [InlineData("MA", "ma-law0908")]
    [InlineData("TN", "tn-law2004-63")]
    [InlineData("SN", "sn-law2008-12")]
    [InlineData("CI", "ci-law2013-450")]
    public void These_countries_have_no_statutory_breach_duty_and_say_so(string country, string regimeId)
    {
        var all = Facts.In(country, 1000).Explain();
        Assert.Empty(all);
        var regime = all.Regime(regimeId);
        Assert.Equal(RegimeStatus.NoStatutoryDuty, regime.Status);
        Assert.False(string.IsNullOrWhiteSpace(regime.Note));
    }

    // ---- Ghana (§51) and Uganda (§52): unauthorised access or acquisition, no fixed clock.
    [Fact]
    public void Ghana_notifies_the_Commission_and_people_as_soon_as_reasonably_practicable_once_data_was_taken()
    {
        var all = (Facts.In("GH", 10) with { Risk = RiskLevel.Unlikely, Exfiltration = Exfiltration.Suspected }).Assess();
        Assert.Null(all.Single("gh-dpa-s31-commission").Deadline);
        all.Single("gh-dpa-s31-individuals");
        Assert.Empty((Facts.In("GH", 10) with { Exfiltration = Exfiltration.NotFound }).Assess());
    }

    [Fact]
    public void Uganda_notifies_the_Office_immediately_and_the_Office_decides_about_people()
    {
        var all = Facts.In("UG", 10).Explain();
        Assert.Null(all.Single("ug-dppa-s23-pdpo").Deadline);
        Assert.False(all.Single("ug-dppa-s23-individuals").Mandatory);
        Assert.Equal(RegimeStatus.InForceNoFixedClock, all.Regime("ug-dppa").Status);
    }

    // ---- Rwanda (§53): 48 h notice, then the 72 h report; people on high risk unless encrypted.
    [Fact]
    public void Rwanda_staged_notice_48_hours_then_a_full_report_at_72_hours()
    {
        var all = (Facts.In("RW", 10) with { AwareAt = "2026-02-17T12:00:00+02:00", Risk = RiskLevel.Unlikely }).Assess();
        var notice = all.Single("rw-law058-art43");
        Assert.Equal("initial", notice.Stage);
        Assert.Equal("2026-02-19T12:00:00+02:00", notice.DeadlineText());
        var report = all.Single("rw-law058-art44");
        Assert.Equal("detailed", report.Stage);
        Assert.Equal("2026-02-20T12:00:00+02:00", report.DeadlineText());
        all.None("rw-law058-art45");
    }

    [Fact]
    public void Rwanda_spares_people_when_encryption_makes_a_high_risk_unlikely()
    {
        var at = "2026-02-17T12:00:00+02:00";
        (Facts.In("RW", 10) with { AwareAt = at }).Assess().Single("rw-law058-art45");
        (Facts.In("RW", 10) with { AwareAt = at, Encryption = Encryption.Encrypted }).Assess().None("rw-law058-art45");
        (Facts.In("RW", 10) with { AwareAt = at, Encryption = Encryption.EncryptedKeyCompromised }).Assess().Single("rw-law058-art45");
    }

    [Fact]
    public void Rwanda_was_in_transition_until_15_October_2023()
    {
        var all = (Facts.In("RW", 10) with { AwareAt = "2023-10-14T12:00:00+02:00" }).Explain();
        Assert.Empty(all);
        Assert.Equal(new NodaTime.LocalDate(2023, 10, 15), all.Regime("rw-law058").OperativeFrom);
    }

    // ---- Tanzania (§54), Zambia (§55), Zimbabwe (§56).
    [Fact]
    public void Tanzania_notifies_promptly_with_an_unverified_72_hour_target()
    {
        var pdpc = (Facts.In("TZ", 10) with { Risk = RiskLevel.Risk }).Assess().Single("tz-pdpa-s27-5");
        Assert.Null(pdpc.Deadline);
        Assert.Equal("2025-06-16T18:00:00+03:00", pdpc.TargetText());
        Assert.Empty((Facts.In("TZ", 10) with { Risk = RiskLevel.Unlikely }).Assess());
    }

    [Theory]
    [InlineData("ZM", "zm-dpa-commissioner", "2025-06-14T17:00:00+02:00")]
    [InlineData("ZW", "zw-cdpa-potraz", "2025-06-14T17:00:00+02:00")]
    public void Zambia_and_Zimbabwe_give_24_hours(string country, string ruleId, string deadline)
    {
        var duty = (Facts.In(country, 10) with { Risk = RiskLevel.Risk }).Assess().Single(ruleId);
        Assert.Equal(deadline, duty.DeadlineText());
        Assert.Contains("Verify with counsel", duty.Reason);
        (Facts.In(country, 10) with { Risk = RiskLevel.Unlikely }).Assess().None(ruleId);
    }

    // ---- Mauritius (§57) and Botswana (§58).
    [Fact]
    public void Mauritius_gives_72_hours_and_spares_people_when_the_data_was_encrypted()
    {
        var all = (Facts.In("MU", 10) with { Encryption = Encryption.Encrypted }).Assess();
        Assert.Equal("2025-06-16T19:00:00+04:00", all.Single("mu-dpa-s25").DeadlineText());
        all.None("mu-dpa-s26");
        Facts.In("MU", 10).Assess().Single("mu-dpa-s26");
    }

    [Fact]
    public void Botswana_is_in_force_but_its_clock_is_unverified()
    {
        var all = Facts.In("BW", 10).Explain();
        var idpc = all.Single("bw-dpa-commission");
        Assert.Equal("2025-06-16T17:00:00+02:00", idpc.DeadlineText());
        Assert.Equal(RegimeStatus.InForceClockUnverified, idpc.Status);
        Assert.Contains("Verify with counsel", idpc.Reason);
        Assert.Equal(RegimeStatus.InForceClockUnverified, all.Regime("bw-dpa").Status);
    }
}
