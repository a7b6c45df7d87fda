using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>New York (law reference §21): three regulators for any number, the 30-day rule, the financial regulator and the credit agencies. Dates are worked out by hand in the comments beside each case.</summary>
public class NewYorkRulesTests
{
    // ---------------------------------------------------------------- New York

    [Fact]
    public void New_York_notifies_the_Attorney_General_the_Department_of_State_and_the_State_Police_for_any_number()
    {
        // 10 March 2026 + 30 = Thu 9 April 2026 (EDT).
        var obligations = (UsIncident.In("US-NY", 1) with { DeterminedAt = "2026-03-10T11:00:00-04:00" }).Assess();

        Assert.Equal(["us-ny-ag", "us-ny-dos", "us-ny-individuals", "us-ny-state-police"], obligations.RuleIds());
        Assert.All(obligations, o => Assert.Equal("2026-04-09T23:59:59-04:00", o.DeadlineText()));
        Assert.Equal("New York State Attorney General", obligations.Rule("us-ny-ag").Authority);
        Assert.Equal("New York Department of State", obligations.Rule("us-ny-dos").Authority);
        var police = obligations.Rule("us-ny-state-police");
        Assert.Equal(Recipient.LawEnforcement, police.Recipient);
        Assert.Equal("New York State Division of State Police", police.Authority);
    }

    [Fact]
    public void New_York_30_day_rule_starts_on_21_December_2024()
    {
        var before = (UsIncident.In("US-NY", 5) with { DeterminedAt = "2024-12-20T12:00:00-05:00" }).Assess().Rule("us-ny-individuals");
        Assert.Equal("2020-01-01", before.RuleVersion);
        Assert.Null(before.Deadline);

        // 21 December 2024 + 30 = Mon 20 January 2025, Martin Luther King Jr. Day: legal limit Tue 21 January.
        var from = (UsIncident.In("US-NY", 5) with { DeterminedAt = "2024-12-21T12:00:00-05:00" }).Assess().Rule("us-ny-individuals");
        Assert.Equal("2024-12-21", from.RuleVersion);
        Assert.Equal("2025-01-20T23:59:59-05:00", from.DeadlineText());
        Assert.Equal("2025-01-21T23:59:59-05:00", from.LatestText());
    }

    [Fact]
    public void New_York_financial_services_regulator_only_for_organisations_it_regulates()
    {
        var incident = UsIncident.In("US-NY", 5);

        Assert.DoesNotContain(incident.Assess(), o => o.RuleId == "us-ny-dfs");
        var dfs = (incident with { Attributes = ["ny-dfs-regulated"] }).Assess().Rule("us-ny-dfs");
        Assert.Equal("New York Department of Financial Services", dfs.Authority);
    }

    [Fact]
    public void New_York_consumer_reporting_agencies_from_5001_residents()
    {
        Assert.DoesNotContain(UsIncident.In("US-NY", 5000).Assess(), o => o.RuleId == "us-ny-cra");
        Assert.Contains(UsIncident.In("US-NY", 5001).Assess(), o => o.RuleId == "us-ny-cra");
    }
}
