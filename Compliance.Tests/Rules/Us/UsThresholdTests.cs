using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>US thresholds and day counts, state by state (law reference §21): from which number of residents, and how many days. Dates are worked out by hand in the comments beside each case.</summary>
public class UsThresholdTests
{
    // ---------------------------------------------------------------- thresholds

    [Theory]
    [InlineData("US-TX", "us-tx-ag", 249, 250)]
    [InlineData("US-CA", "us-ca-ag", 500, 501)]
    [InlineData("US-FL", "us-fl-department", 499, 500)]
    [InlineData("US-FL", "us-fl-cra", 1000, 1001)]
    [InlineData("US-CO", "us-co-ag", 499, 500)]
    [InlineData("US-WA", "us-wa-ag", 500, 501)]
    [InlineData("US-DC", "us-dc-ag", 49, 50)]
    [InlineData("US-ND", "us-nd-ag", 250, 251)]
    [InlineData("US-OR", "us-or-ag", 250, 251)]
    [InlineData("US-SD", "us-sd-ag", 250, 251)]
    [InlineData("US-OK", "us-ok-ag", 499, 500)]
    [InlineData("US-UT", "us-ut-ag", 499, 500)]
    [InlineData("US-UT", "us-ut-cyber-center", 499, 500)]
    [InlineData("US-DE", "us-de-ag", 500, 501)]
    [InlineData("US-RI", "us-ri-cra", 500, 501)]
    [InlineData("US-AL", "us-al-ag", 1000, 1001)]
    [InlineData("US-AZ", "us-az-dhs", 1000, 1001)]
    [InlineData("US-NM", "us-nm-cra", 1000, 1001)]
    [InlineData("US-MN", "us-mn-cra", 500, 501)]
    [InlineData("US-GA", "us-ga-cra", 10_000, 10_001)]
    [InlineData("US-VA", "us-va-ag-over-1000", 1000, 1001)]
    public void A_threshold_duty_starts_exactly_at_its_threshold(string jurisdiction, string ruleId, int below, int at)
    {
        Assert.DoesNotContain(UsIncident.In(jurisdiction, below).Assess(), o => o.RuleId == ruleId);
        Assert.Contains(UsIncident.In(jurisdiction, at).Assess(), o => o.RuleId == ruleId);
    }

    [Theory]
    [InlineData("US-MA", "us-ma-ag")]
    [InlineData("US-CT", "us-ct-ag")]
    [InlineData("US-MD", "us-md-ag")]
    [InlineData("US-VT", "us-vt-ag-preliminary")]
    [InlineData("US-NJ", "us-nj-state-police")]
    [InlineData("US-SD", "us-sd-cra")]
    [InlineData("US-PR", "us-pr-daco")]
    public void A_duty_without_threshold_applies_to_a_single_resident(string jurisdiction, string ruleId)
    {
        Assert.Contains(UsIncident.In(jurisdiction, 1).Assess(), o => o.RuleId == ruleId);
    }

    [Theory]
    [InlineData("US-AL", 45)]
    [InlineData("US-AZ", 45)]
    [InlineData("US-CT", 60)]
    [InlineData("US-DE", 60)]
    [InlineData("US-IN", 45)]
    [InlineData("US-MD", 45)]
    [InlineData("US-NM", 45)]
    [InlineData("US-OH", 45)]
    [InlineData("US-OR", 45)]
    [InlineData("US-RI", 45)]
    [InlineData("US-SD", 60)]
    [InlineData("US-TN", 45)]
    [InlineData("US-VT", 45)]
    [InlineData("US-CO", 30)]
    [InlineData("US-FL", 30)]
    [InlineData("US-WA", 30)]
    public void Individual_deadlines_count_whole_days_after_determination(string jurisdiction, int days)
    {
        var individuals = UsIncident.In(jurisdiction, 1).Assess().Single(o => o.Recipient == Recipient.Individuals);

        var expected = new LocalDate(2026, 3, 10).PlusDays(days);
        var local = individuals.Deadline!.Value.InZone(individuals.TimeZone).LocalDateTime;
        Assert.Equal(expected.At(new LocalTime(23, 59, 59)), local);
    }

    [Theory]
    [InlineData("US-GA")]
    [InlineData("US-MA")]
    [InlineData("US-IL")]
    [InlineData("US-MS")]
    [InlineData("US-WY")]
    [InlineData("US-KY")]
    [InlineData("US-NJ")]
    [InlineData("US-PA")]
    public void As_soon_as_practicable_states_give_no_individual_deadline(string jurisdiction)
    {
        var individuals = UsIncident.In(jurisdiction, 1).Assess().Single(o => o.Recipient == Recipient.Individuals);

        Assert.Null(individuals.Deadline);
    }
}
