using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>Texas (law reference §21): the Attorney General from 250 residents, 30 days after determination, and the legal limits on days the office is closed. Dates are worked out by hand in the comments beside each case.</summary>
public class TexasRulesTests
{
    // ---------------------------------------------------------------- Texas

    [Fact]
    public void Texas_250_residents_oblige_notice_to_the_Attorney_General_30_days_after_determination()
    {
        // Determined Tue 10 March 2026 (CDT); day 30 is Thu 9 April 2026, a working day: no roll-forward.
        var ag = UsIncident.In("US-TX", 250).Assess().Rule("us-tx-ag");

        Assert.Equal(Recipient.Regulator, ag.Recipient);
        Assert.Equal("Texas Attorney General", ag.Authority);
        Assert.Equal("2026-04-09T23:59:59-05:00", ag.DeadlineText());
        Assert.Null(ag.LatestDeadline);
        Assert.Equal("America/Chicago", ag.TimeZone.Id);
        Assert.Equal("2023-09-01", ag.RuleVersion);
    }

    [Fact]
    public void Texas_249_residents_oblige_no_Attorney_General_notice_but_still_individual_notice()
    {
        Assert.Equal(["us-tx-individuals"], UsIncident.In("US-TX", 249).Assess().RuleIds());
    }

    [Fact]
    public void Texas_individual_notice_on_a_Saturday_may_legally_run_to_Monday()
    {
        // 10 March 2026 + 60 days = Saturday 9 May 2026; Gov't Code §311.014(b) moves it to Monday 11 May.
        var individuals = UsIncident.In("US-TX", 10).Assess().Rule("us-tx-individuals");

        Assert.Equal("2026-05-09T23:59:59-05:00", individuals.DeadlineText());
        Assert.Equal("2026-05-11T23:59:59-05:00", individuals.LatestText());
    }

    [Fact]
    public void Texas_Attorney_General_deadline_on_San_Jacinto_Day_rolls_to_the_next_day()
    {
        // Determined Sun 22 March 2026; day 30 is Tue 21 April, San Jacinto Day (Gov't Code §662.003(b)).
        var ag = (UsIncident.In("US-TX", 400) with { DeterminedAt = "2026-03-22T08:00:00-05:00" }).Assess().Rule("us-tx-ag");

        Assert.Equal("2026-04-21T23:59:59-05:00", ag.DeadlineText());
        Assert.Equal("2026-04-22T23:59:59-05:00", ag.LatestText());
    }

    [Fact]
    public void Thirty_days_across_the_November_clock_change_still_end_at_23_59_59_Central_Standard_Time()
    {
        // Determined 20 October 2026 23:30 CDT (-05:00); clocks fall back on 1 November. Day 30 is 19 November,
        // which ends at 23:59:59 CST (-06:00). Wall-clock "+30 × 24 h" or keeping the start offset gives the wrong instant.
        var ag = (UsIncident.In("US-TX", 300) with { DeterminedAt = "2026-10-20T23:30:00-05:00" }).Assess().Rule("us-tx-ag");

        Assert.Equal("2026-11-19T23:59:59-06:00", ag.DeadlineText());
        Assert.Equal(UsIncident.Instant("2026-11-20T05:59:59Z"), ag.Deadline);   // not 04:59:59Z, the start's offset kept
    }

    [Fact]
    public void Texas_before_SB_768_gave_the_Attorney_General_60_days_as_an_unverified_rule()
    {
        // Determined 1 August 2023, before SB 768 (1 September 2023): 60 days, to Sat 30 September, latest Mon 2 October.
        var ag = (UsIncident.In("US-TX", 300) with { DeterminedAt = "2023-08-01T09:00:00-05:00" }).Assess().Rule("us-tx-ag");

        Assert.Equal("2020-01-01", ag.RuleVersion);
        Assert.Equal("2023-09-30T23:59:59-05:00", ag.DeadlineText());
        Assert.Equal("2023-10-02T23:59:59-05:00", ag.LatestText());
        Assert.Equal(Verification.M, ag.Verification);
    }

    [Fact]
    public void Texas_consumer_reporting_agencies_are_notified_above_10000()
    {
        Assert.DoesNotContain(UsIncident.In("US-TX", 10_000).Assess(), o => o.RuleId == "us-tx-cra");
        var cra = UsIncident.In("US-TX", 10_001).Assess().Rule("us-tx-cra");
        Assert.Equal(Recipient.ConsumerReportingAgencies, cra.Recipient);
        Assert.Null(cra.Deadline);
    }

    [Fact]
    public void The_JSON_contract_gives_the_Texas_deadlines_with_their_Chicago_offset()
    {
        var parsed = AssessmentRequestParser.Parse("""
            {
              "organisation": { "establishments": [], "timeZone": "America/Chicago", "attributes": [] },
              "awareAt": "2026-03-09T16:00:00-05:00",
              "determinedAt": "2026-03-10T10:00:00-05:00",
              "dataCategories": ["name", "drivers-licence"],
              "affected": [{ "jurisdiction": "US-TX", "count": 1200 }],
              "exfiltration": "confirmed",
              "encryption": "none",
              "cause": "ransomware",
              "riskLevel": "high"
            }
            """);
        Assert.True(parsed.IsValid);

        var json = AssessmentResponseWriter.ToJson(Compliance.Domain.Rules.Engine.RulesEngine.Default.Assess(parsed.Facts!));

        Assert.Contains("\"deadline\": \"2026-04-09T23:59:59-05:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"us-tx-ag\"", json, StringComparison.Ordinal);
        Assert.Contains("\"latestDeadline\": \"2026-05-11T23:59:59-05:00\"", json, StringComparison.Ordinal);
    }
}
