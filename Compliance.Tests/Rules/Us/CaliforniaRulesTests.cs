using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>California (law reference §21): no day count before 2026, then 30 days for residents and 15 more for the Attorney General. Dates are worked out by hand in the comments beside each case.</summary>
public class CaliforniaRulesTests
{
    // ---------------------------------------------------------------- California

    [Fact]
    public void California_before_2026_has_no_day_count_for_residents_or_the_Attorney_General()
    {
        var obligations = (UsIncident.In("US-CA", 600) with { DeterminedAt = "2025-12-20T10:00:00-08:00" }).Assess();

        var individuals = obligations.Rule("us-ca-individuals");
        Assert.Equal("2020-01-01", individuals.RuleVersion);
        Assert.Null(individuals.Deadline);
        Assert.Null(obligations.Rule("us-ca-ag").Deadline);
    }

    [Fact]
    public void California_from_2026_gives_residents_30_days_and_the_Attorney_General_15_days_after_that()
    {
        // 10 January 2026 + 30 = Mon 9 February 2026 (PST); + 15 = Tue 24 February.
        var obligations = (UsIncident.In("US-CA", 600) with { DeterminedAt = "2026-01-10T10:00:00-08:00" }).Assess();

        var individuals = obligations.Rule("us-ca-individuals");
        Assert.Equal("2026-01-01", individuals.RuleVersion);
        Assert.Equal("2026-02-09T23:59:59-08:00", individuals.DeadlineText());
        Assert.Null(individuals.LatestDeadline);
        Assert.Equal("2026-02-24T23:59:59-08:00", obligations.Rule("us-ca-ag").DeadlineText());
    }

    [Fact]
    public void California_version_follows_the_local_date_in_Los_Angeles_not_UTC()
    {
        // 31 December 2025 20:00 in Los Angeles is already 1 January 2026 in UTC: still the old rule.
        var obligations = (UsIncident.In("US-CA", 10) with { DeterminedAt = "2025-12-31T20:00:00-08:00" }).Assess();

        Assert.Equal("2020-01-01", obligations.Rule("us-ca-individuals").RuleVersion);
    }

    [Fact]
    public void California_Attorney_General_needs_more_than_500_residents()
    {
        var at500 = (UsIncident.In("US-CA", 500) with { DeterminedAt = "2026-01-10T10:00:00-08:00" }).Assess();

        Assert.Equal(["us-ca-individuals"], at500.RuleIds());
    }

    [Fact]
    public void California_30th_day_on_a_Saturday_shows_a_later_legal_limit_on_Monday()
    {
        // 1 January 2026 + 30 = Sat 31 January; the unverified Civ. Code §§10-12a roll-forward gives Mon 2 February.
        var individuals = (UsIncident.In("US-CA", 10) with { DeterminedAt = "2026-01-01T09:00:00-08:00" }).Assess().Rule("us-ca-individuals");

        Assert.Equal("2026-01-31T23:59:59-08:00", individuals.DeadlineText());
        Assert.Equal("2026-02-02T23:59:59-08:00", individuals.LatestText());
    }
}
