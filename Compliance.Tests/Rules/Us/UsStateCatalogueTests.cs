using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>The US state catalogue (us-states.json) against the law reference §21: one regime per state, DC and Puerto Rico, each clock in its regulator's zone. Dates are worked out by hand in the comments beside each case.</summary>
public class UsStateCatalogueTests
{
    // ---------------------------------------------------------------- the catalogue itself

    [Fact]
    public void Every_state_DC_and_Puerto_Rico_has_one_regime_that_counts_residents_only_and_has_duties()
    {
        Assert.Equal(52, UsCatalogue.States.Distinct().Count());
        foreach (var regime in UsCatalogue.UsRegimes())
        {
            Assert.False(regime.AppliesByEstablishment, regime.Id);
            Assert.Null(regime.NoStatutoryDuty);
            Assert.NotEmpty(regime.Versions);
            Assert.All(regime.Versions, v => Assert.NotEmpty(v.Duties));
            Assert.All(regime.Versions, v => Assert.Single(v.Duties, d => d.Recipient == Recipient.Individuals));
            Assert.All(regime.Versions.SelectMany(v => v.Duties), d => Assert.NotEmpty(d.Sources));
        }
    }

    [Fact]
    public void Each_regime_covers_its_own_code_and_Puerto_Rico_also_covers_PR()
    {
        foreach (var state in UsCatalogue.States.Where(s => s != "PR"))
            Assert.Equal(["US-" + state], RuleCatalogue.Default.Regimes.Single(r => r.Id == "us-" + state.ToLowerInvariant()).Territory.ToArray());
        var pr = RuleCatalogue.Default.Regimes.Single(r => r.Id == "us-pr");
        Assert.Equal(["PR", "US-PR"], pr.Territory.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("us-tx", "America/Chicago")]
    [InlineData("us-il", "America/Chicago")]
    [InlineData("us-ca", "America/Los_Angeles")]
    [InlineData("us-wa", "America/Los_Angeles")]
    [InlineData("us-ny", "America/New_York")]
    [InlineData("us-ma", "America/New_York")]
    [InlineData("us-fl", "America/New_York")]
    [InlineData("us-co", "America/Denver")]
    [InlineData("us-hi", "Pacific/Honolulu")]
    [InlineData("us-pr", "America/Puerto_Rico")]
    public void Each_clock_ends_in_the_zone_of_the_regulator_seat(string regimeId, string zone)
    {
        var regime = RuleCatalogue.Default.Regimes.Single(r => r.Id == regimeId);
        Assert.All(regime.Authorities.Values, a => Assert.Equal(zone, a.Zone.Id));
    }

    [Fact]
    public void Unverified_rules_tell_the_user_to_check_with_counsel()
    {
        var stateDuties = UsCatalogue.UsRegimes().SelectMany(r => r.Versions).SelectMany(v => v.Duties).ToList();
        Assert.All(stateDuties.Where(d => d.Verification == Verification.M), d => Assert.Contains("Verify with counsel", d.Reason, StringComparison.Ordinal));
        Assert.Equal(Verification.M, UsCatalogue.Duty("us-ny", "2025-03-21", "us-ny-state-police").Verification);
        Assert.Equal(Verification.V, UsCatalogue.Duty("us-tx", "2023-09-01", "us-tx-ag").Verification);
        Assert.Equal(Verification.M, UsCatalogue.Duty("us-tx", "2020-01-01", "us-tx-ag").Verification);
    }
}
