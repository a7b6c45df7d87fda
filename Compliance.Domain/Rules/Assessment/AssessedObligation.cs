using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>One duty as the assessment contract returns it.</summary>
public sealed record AssessedObligation(
    string Jurisdiction,
    Recipient Recipient,
    string Authority,
    string Stage,
    bool Mandatory,
    Instant? Deadline,
    Instant? LatestDeadline,
    Instant? Target,
    DateTimeZone TimeZone,
    string RuleId,
    string RuleVersion,
    string Reason,
    IReadOnlyList<string> Sources,
    Verification Verification)
{
    /// <summary>The status of the regime version the duty comes from (additive to the contract).</summary>
    public RegimeStatus Status { get; init; } = RegimeStatus.InForceFixedClock;

    /// <summary>The catalogue rule behind this duty (and through it, its regime), for the snapshot a stored duty keeps.</summary>
    public Catalogue.DutyRule? Rule { get; init; }
}

/// <summary>How far a rule's facts were checked in the law reference: [V] text, [S] secondary source, [M] unverified.</summary>
public enum Verification { V, S, M }
