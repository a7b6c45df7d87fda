using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Rules.Us;
using NodaTime;

namespace Compliance.Tests.Rules;

// Law reference §68: corrections found in 2024-2026, each judged on both sides of its effective date.
public sealed class CorrectionsRulesTests
{
    // ---- China (§68.1): from 1 Nov 2025 an ordinary network operator reports a "relatively major" incident in 4 hours.
    private static readonly Facts MillionLeak = Facts.In("CN", 1_000_000) with { AwareAt = "2025-11-03T10:00:00+08:00" };

    [Fact]
    public void From_1_November_2025_an_ordinary_operator_reports_a_major_leak_to_the_provincial_CAC_in_4_hours()
    {
        var all = MillionLeak.Assess();
        var cac = all.Single("cn-cac-incident-4h");
        Assert.Equal("2025-11-03T14:00:00+08:00", cac.DeadlineText()); // 4 hours: 1 hour is only for critical infrastructure
        Assert.Equal("2025-11-01", cac.RuleVersion);
        Assert.Null(all.Single("cn-cac-incident-closure").Deadline);
        Assert.DoesNotContain("1 hour", all.Single("cn-pipl-art57-authority").Reason);
    }

    [Fact]
    public void Before_1_November_2025_and_below_the_grade_there_is_no_4_hour_report()
    {
        var october = (MillionLeak with { AwareAt = "2025-10-31T23:30:00+08:00" }).Assess();
        october.None("cn-cac-incident-4h");
        Assert.Equal("2021-11-01", october.Single("cn-pipl-art57-authority").RuleVersion);
        (MillionLeak with { Affected = [("CN", 999_999)] }).Assess().None("cn-cac-incident-4h");
    }

    // ---- India (§68.2): Rule 7 from 13 May 2027; the initial intimation and the 72-hour detailed report.
    [Fact]
    public void India_Rule_7_starts_on_13_May_2027_with_a_staged_report()
    {
        var before = (Facts.In("IN", 10) with { AwareAt = "2027-05-12T23:00:00+05:30" }).Explain();
        before.None("in-dpdp-r7-2a");
        Assert.Equal(RegimeStatus.NotYetOperative, before.Regime("in-dpdp").Status);
        Assert.Equal(new LocalDate(2027, 5, 13), before.Regime("in-dpdp").OperativeFrom);

        var on = (Facts.In("IN", 10) with { AwareAt = "2027-05-13T09:00:00+05:30" }).Assess();
        Assert.Equal("initial", on.Single("in-dpdp-r7-2a").Stage);
        Assert.Equal("2027-05-16T09:00:00+05:30", on.Single("in-dpdp-r7-2b").DeadlineText());
    }

    // ---- Oklahoma (§68.3): the AG notice exists only for breaches discovered from 1 Jan 2026.
    [Fact]
    public void Oklahoma_has_no_AG_notice_for_a_breach_determined_on_31_December_2025()
    {
        var all = (UsIncident.In("US-OK", 600) with { DeterminedAt = "2025-12-31T12:00:00-06:00" }).Assess();
        all.None("us-ok-ag");
        all.Single("us-ok-individuals");
    }

    [Fact]
    public void From_2026_the_Oklahoma_AG_is_due_60_days_after_the_residents_notice()
    {
        var incident = UsIncident.In("US-OK", 600) with { DeterminedAt = "2026-01-01T09:00:00-06:00" };
        var ag = incident.Assess().Single("us-ok-ag");
        Assert.Null(ag.Deadline); // the residents' notice has no day count
        Assert.Equal("2026-01-01", ag.RuleVersion);
        Assert.DoesNotContain("Verify with counsel", ag.Reason);

        var noticed = incident.Facts() with
        {
            FulfilledAt = new Dictionary<string, Instant> { ["us-ok-individuals|US-OK"] = UsIncident.Instant("2026-01-20T10:00:00-06:00") },
        };
        Assert.Equal("2026-03-21T23:59:59-05:00", RulesEngine.Default.Assess(noticed).Single("us-ok-ag").DeadlineText());
        (UsIncident.In("US-OK", 499) with { DeterminedAt = "2026-01-01T09:00:00-06:00" }).Assess().None("us-ok-ag");
    }

    // ---- Pennsylvania (§68.4): AG notice from 26 Sep 2024, more than 500 residents.
    [Fact]
    public void Pennsylvania_AG_notice_starts_on_26_September_2024()
    {
        (UsIncident.In("US-PA", 501) with { DeterminedAt = "2024-09-25T12:00:00-04:00" }).Assess().None("us-pa-ag");
        var ag = (UsIncident.In("US-PA", 501) with { DeterminedAt = "2024-09-26T12:00:00-04:00" }).Assess().Single("us-pa-ag");
        Assert.Equal("2024-09-26", ag.RuleVersion);
        (UsIncident.In("US-PA", 500) with { DeterminedAt = "2024-09-26T12:00:00-04:00" }).Assess().None("us-pa-ag");
    }

    // ---- Utah (§68.5): AG and Cyber Center from 3 May 2023; SB 98 content from 1 May 2024.
    [Fact]
    public void Utah_AG_and_Cyber_Center_notices_start_on_3_May_2023()
    {
        var before = (UsIncident.In("US-UT", 500) with { DeterminedAt = "2023-05-02T12:00:00-06:00" }).Assess();
        before.None("us-ut-ag");
        before.None("us-ut-cyber-center");
        var after = (UsIncident.In("US-UT", 500) with { DeterminedAt = "2023-05-03T12:00:00-06:00" }).Assess();
        Assert.Equal("2023-05-03", after.Single("us-ut-ag").RuleVersion);
        after.Single("us-ut-cyber-center");
        Assert.Equal("2024-05-01", (UsIncident.In("US-UT", 500) with { DeterminedAt = "2024-05-01T12:00:00-06:00" }).Assess().Single("us-ut-ag").RuleVersion);
    }
}
