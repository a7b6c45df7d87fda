using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>US regulator clocks tied to the residents' notice (law reference §21): same-as, days after, whichever is first, business days. Dates are worked out by hand in the comments beside each case.</summary>
public class UsRegulatorClockTests
{
    // ---------------------------------------------------------------- regulator clocks tied to the residents' notice

    [Fact]
    public void Illinois_Attorney_General_deadline_is_the_residents_deadline_which_is_open()
    {
        var obligations = UsIncident.In("US-IL", 501).Assess();

        var individuals = obligations.Rule("us-il-individuals");
        var ag = obligations.Rule("us-il-ag");
        Assert.Null(individuals.Deadline);
        Assert.Equal(individuals.Deadline, ag.Deadline);
        Assert.DoesNotContain(UsIncident.In("US-IL", 500).Assess(), o => o.RuleId == "us-il-ag");
    }

    [Fact]
    public void Delaware_Attorney_General_deadline_copies_the_60_day_residents_deadline()
    {
        // 10 March 2026 + 60 = 9 May 2026.
        var obligations = UsIncident.In("US-DE", 501).Assess();

        Assert.Equal("2026-05-09T23:59:59-04:00", obligations.Rule("us-de-individuals").DeadlineText());
        Assert.Equal("2026-05-09T23:59:59-04:00", obligations.Rule("us-de-ag").DeadlineText());
    }

    [Fact]
    public void Iowa_Attorney_General_has_no_deadline_because_the_residents_notice_has_none()
    {
        var ag = UsIncident.In("US-IA", 501).Assess().Rule("us-ia-ag");

        Assert.Null(ag.Deadline);
        Assert.Contains("5 business days", ag.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(UsIncident.In("US-IA", 500).Assess(), o => o.RuleId == "us-ia-ag");
    }

    [Fact]
    public void Louisiana_Attorney_General_gets_10_days_after_the_60_day_residents_deadline()
    {
        // 10 March 2026 + 60 = 9 May; + 10 = 19 May 2026 (CDT).
        var obligations = UsIncident.In("US-LA", 1).Assess();

        Assert.Equal("2026-05-09T23:59:59-05:00", obligations.Rule("us-la-individuals").DeadlineText());
        Assert.Equal("2026-05-19T23:59:59-05:00", obligations.Rule("us-la-ag").DeadlineText());
    }

    [Fact]
    public void Arkansas_Attorney_General_whichever_is_first_uses_the_45_day_limit()
    {
        // 10 March 2026 + 45 = 24 April 2026.
        var obligations = UsIncident.In("US-AR", 1001).Assess();

        Assert.Null(obligations.Rule("us-ar-individuals").Deadline);
        Assert.Equal("2026-04-24T23:59:59-05:00", obligations.Rule("us-ar-ag").DeadlineText());
    }

    [Fact]
    public void Vermont_preliminary_notice_counts_14_business_days_and_skips_Town_Meeting_Day()
    {
        // Determined Wed 25 February 2026. Business days: 26, 27 Feb; 2 Mar; (Tue 3 Mar Town Meeting Day skipped);
        // 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18 Mar: the 14th is Wed 18 March (EDT from 8 March). Without the holiday it would be the 17th.
        var obligations = (UsIncident.In("US-VT", 1) with { DeterminedAt = "2026-02-25T09:00:00-05:00" }).Assess();

        var preliminary = obligations.Rule("us-vt-ag-preliminary");
        Assert.Equal("initial", preliminary.Stage);
        Assert.Equal(Recipient.Regulator, preliminary.Recipient);
        Assert.Equal("2026-03-18T23:59:59-04:00", preliminary.DeadlineText());
        Assert.Equal("2026-04-11T23:59:59-04:00", obligations.Rule("us-vt-individuals").DeadlineText());
    }
}
