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
    // The three optional instants kept as plain instants and a bit each: an Instant? field takes 24 bytes and an
    // Instant 16, and an assessment of the whole catalogue makes a few hundred of these.
    private readonly Instant deadline = Deadline.GetValueOrDefault(), latestDeadline = LatestDeadline.GetValueOrDefault(), target = Target.GetValueOrDefault();
    private readonly byte present = (byte)((Deadline.HasValue ? 1 : 0) | (LatestDeadline.HasValue ? 2 : 0) | (Target.HasValue ? 4 : 0));

    public Instant? Deadline
    {
        get => (present & 1) != 0 ? deadline : null;
        init { deadline = value.GetValueOrDefault(); present = (byte)(value.HasValue ? present | 1 : present & ~1); }
    }

    public Instant? LatestDeadline
    {
        get => (present & 2) != 0 ? latestDeadline : null;
        init { latestDeadline = value.GetValueOrDefault(); present = (byte)(value.HasValue ? present | 2 : present & ~2); }
    }

    public Instant? Target
    {
        get => (present & 4) != 0 ? target : null;
        init { target = value.GetValueOrDefault(); present = (byte)(value.HasValue ? present | 4 : present & ~4); }
    }

    /// <summary>The status of the regime version the duty comes from (additive to the contract).</summary>
    public RegimeStatus Status { get; init; } = RegimeStatus.InForceFixedClock;

    /// <summary>The catalogue rule behind this duty (and through it, its regime), for the snapshot a stored duty keeps.</summary>
    public Catalogue.DutyRule? Rule { get; init; }
}

/// <summary>How far a rule's facts were checked in the law reference: [V] text, [S] secondary source, [M] unverified.</summary>
public enum Verification { V, S, M }
