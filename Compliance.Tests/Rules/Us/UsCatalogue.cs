using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Tests.Rules.Us;

/// <summary>The US state regimes of the catalogue (us-states.json), as the state tests look them up.</summary>
internal static class UsCatalogue
{
    public static readonly string[] States =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
    ];

    public static IEnumerable<Regime> UsRegimes() =>
        States.Select(s => Assert.Single(RuleCatalogue.Default.Regimes, r => r.Id == "us-" + s.ToLowerInvariant()));

    public static DutyRule Duty(string regimeId, string version, string dutyId) =>
        Assert.Single(RuleCatalogue.Default.Regimes.Single(r => r.Id == regimeId).Versions.Single(v => v.Version == version).Duties, d => d.Id == dutyId);

    public static bool IsStateRule(AssessedObligation o) =>
        States.Any(s => o.RuleId.StartsWith("us-" + s.ToLowerInvariant() + "-", StringComparison.Ordinal));
}
