using System.Collections.Frozen;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>The organisation facts that gate laws: where it is established, its zone, its declared attributes.</summary>
public sealed record OrganisationProfile(
    IReadOnlyList<JurisdictionCode> Establishments,
    DateTimeZone TimeZone,
    FrozenSet<string> Attributes);

public sealed record AffectedCount(JurisdictionCode Jurisdiction, int Count);

/// <summary>
/// Everything the rules read about one incident: the assessment contract's input, validated.
/// <see cref="DeterminedAt"/> and <see cref="AssessedAt"/> already default to <see cref="AwareAt"/>.
/// </summary>
public sealed record IncidentFacts(
    OrganisationProfile Organisation,
    Instant AwareAt,
    Instant DeterminedAt,
    Instant AssessedAt,
    FrozenSet<DataCategory> DataCategories,
    IReadOnlyList<AffectedCount> Affected,
    Exfiltration Exfiltration,
    Encryption Encryption,
    Cause Cause,
    RiskLevel RiskLevel)
{
    private static readonly IReadOnlyDictionary<string, Instant> None = new Dictionary<string, Instant>();

    /// <summary>
    /// When duties were already fulfilled, keyed by <see cref="FulfilmentKey"/>. A clock that counts from another duty
    /// (California's AG sample 15 days after notifying people) counts from the real notice once it is recorded.
    /// </summary>
    public IReadOnlyDictionary<string, Instant> FulfilledAt { get; init; } = None;

    /// <summary>Law enforcement asked to delay notices to individuals over this span (law reference §0.9); null when not.</summary>
    public LawEnforcementHold? LawEnforcementHold { get; init; }

    public static string FulfilmentKey(string ruleId, string jurisdiction) => ruleId + "|" + jurisdiction;

    public Instant Anchor(ClockAnchor anchor) => anchor switch
    {
        ClockAnchor.Aware => AwareAt,
        ClockAnchor.Determined => DeterminedAt,
        ClockAnchor.Assessed => AssessedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "Duty-relative anchors are resolved by the engine."),
    };
}

/// <summary>Law enforcement's request to delay notices to individuals, from when until when.</summary>
public sealed record LawEnforcementHold(Instant From, Instant Until)
{
    /// <summary>How much later a clock that started at <paramref name="start"/> and ends at <paramref name="end"/> ends when it stops for the hold.</summary>
    public Duration Suspends(Instant start, Instant end) =>
        From < end && Until > start ? Until - (From > start ? From : start) : Duration.Zero;
}

/// <summary>The event a clock counts from.</summary>
public enum ClockAnchor { Aware, Determined, Assessed, Duty }
