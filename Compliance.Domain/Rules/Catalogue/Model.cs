using System.Collections.Frozen;
using Compliance.Domain.Calendars;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>A body of law with its territory and authorities, in one or more versions over time.</summary>
public sealed class Regime
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required FrozenSet<string> Territory { get; init; }
    public required FrozenDictionary<string, Authority> Authorities { get; init; }

    /// <summary>False where only residents count (US states); true where an establishment brings the whole processing in.</summary>
    public required bool AppliesByEstablishment { get; init; }
    public required Func<RuleInput, bool>? Gate { get; init; }

    /// <summary>The gate's parts, read only to explain a gate that failed ("why no duty here?").</summary>
    public Condition? GateCondition { get; init; }

    /// <summary>Set where the jurisdiction has no statutory duty: the catalogue says so explicitly.</summary>
    public required string? NoStatutoryDuty { get; init; }
    public required IReadOnlyList<RegimeVersion> Versions { get; init; }

    /// <summary>Its place in its catalogue, so the engine can index per-assessment tables by regime with an array.</summary>
    internal int Ordinal { get; set; }

    /// <summary>The authority for a code: its own entry, its country's, or the regime's default ("*").</summary>
    public Authority? AuthorityFor(JurisdictionCode code) =>
        Authorities.GetValueOrDefault(code.Value) ?? Authorities.GetValueOrDefault(code.Country) ?? Authorities.GetValueOrDefault("*");

    /// <summary>The version in force on the local date the incident's clock started.</summary>
    public RegimeVersion? VersionInForce(IncidentFacts facts, DateTimeZone zone)
    {
        for (var i = 0; i < Versions.Count; i++) // indexed: a foreach over IReadOnlyList boxes an enumerator per scope
        {
            var v = Versions[i];
            var day = facts.Anchor(v.ClockStart).InZone(zone).Date;
            if (day >= v.EffectiveFrom && (v.EffectiveTo is null || day <= v.EffectiveTo)) return v;
        }
        return null;
    }

    /// <summary>
    /// Where the incident's clock started before any version of this law (Chile before 1 Dec 2026, India before Rule 7):
    /// the first later version that carries duties, whose start date is when the law becomes operative.
    /// </summary>
    public RegimeVersion? NextOperativeVersion(IncidentFacts facts, DateTimeZone zone)
    {
        RegimeVersion? next = null;
        for (var i = 0; i < Versions.Count; i++) // newest first
        {
            var v = Versions[i];
            if (v.Status is RegimeStatus.NotYetOperative or RegimeStatus.NoStatutoryDuty) continue;
            if (facts.Anchor(v.ClockStart).InZone(zone).Date < v.EffectiveFrom) next = v;
        }
        return next;
    }
}

public sealed record Authority(string Key, string Name, DateTimeZone Zone)
{
    /// <summary>Where a duty to this authority applies: its own key, or for a per-territory authority ("*") the territory.</summary>
    public string ScopeFor(Vocabulary.JurisdictionCode territory) => Key == "*" ? territory.Value : Key;
}

public sealed class RegimeVersion
{
    public required string Version { get; init; }
    public required LocalDate EffectiveFrom { get; init; }
    public required LocalDate? EffectiveTo { get; init; }
    public required ClockAnchor ClockStart { get; init; }

    /// <summary>Is there a duty at all under this version (law reference §0A.1); given in the catalogue or derived from its duties.</summary>
    public required RegimeStatus Status { get; init; }

    /// <summary>The catalogue's note on this version, shown where the version gives no duty (why not, and until when).</summary>
    public required string? Note { get; init; }
    public required IReadOnlyList<DutyRule> Duties { get; init; }
}

public sealed class DutyRule
{
    public required string Id { get; init; }

    /// <summary>Where <see cref="Id"/> falls among all the catalogue's duty ids in ordinal order (equal ids, equal rank): the engine sorts by it.</summary>
    internal int IdRank { get; set; }
    public required Recipient Recipient { get; init; }
    public required string? Authority { get; init; }
    public required string Stage { get; init; }
    public required bool Mandatory { get; init; }
    public required bool Once { get; init; }
    public required Func<RuleInput, bool>? When { get; init; }

    /// <summary>The condition's parts, read only to explain why this duty did not arise.</summary>
    public Condition? WhenCondition { get; init; }
    public required Clock Deadline { get; init; }

    /// <summary>A later legal limit read another way (Ecuador's "término" as working days where the deadline reads calendar days).</summary>
    public Clock? Latest { get; init; }
    public required Clock? Target { get; init; }
    public required IHolidayCalendar? RollForward { get; init; }
    public required Retention? Retention { get; init; }

    /// <summary>The catalogue's reason, with "verify with counsel" already added to unverified rules.</summary>
    public required string Reason { get; init; }
    public required IReadOnlyList<string> Content { get; init; }
    public required IReadOnlyList<string> ProhibitedContent { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    public required Verification Verification { get; init; }

    /// <summary>Set where the law lets this notice to individuals wait while law enforcement asks for it (law reference §0.9).</summary>
    public LawEnforcementDelay? LawEnforcementDelay { get; init; }

    /// <summary>For a notice to individuals: what the notice text must and must not contain, as a template check reads it.</summary>
    public NoticeRules? Notice { get; init; }

    /// <summary>The regime whose version holds this duty (set when the catalogue is built).</summary>
    public Regime Regime { get; internal set; } = null!;

    /// <summary>True when a later duty of the same version counts from this one: only then does the engine keep its deadline.</summary>
    internal bool IsAnchor { get; set; }
}

/// <summary>
/// What a notice to people must say and must not say under one rule: fields its template must use (and people fill in),
/// literal texts (versions in other languages separated by "|": any one will do), and fields it must never show.
/// </summary>
public sealed record NoticeRules(string Citation, IReadOnlyList<string> RequiredFields, IReadOnlyList<string> RequiredText, IReadOnlyList<string> ForbiddenFields);

/// <summary>The catalogue's finding that a notice may be held for law enforcement, with its own sources and tag.</summary>
public sealed record LawEnforcementDelay(IReadOnlyList<string> Sources, Verification Verification, string? Note);

public enum ClockUnit { None, Hours, CalendarDays, BusinessDays, SameAs }

public sealed class Clock
{
    public static readonly Clock None = new() { Anchor = ClockAnchor.Aware, AnchorDutyId = null, Unit = ClockUnit.None, Amount = 0, IncludeStartDay = false, Calendar = null, AmountWhen = [] };

    public required ClockAnchor Anchor { get; init; }
    public required string? AnchorDutyId { get; init; }
    public required ClockUnit Unit { get; init; }
    public required int Amount { get; init; }
    public required bool IncludeStartDay { get; init; }
    public required IHolidayCalendar? Calendar { get; init; }
    public required IReadOnlyList<(FrozenSet<string> AttributesAll, int Amount)> AmountWhen { get; init; }

    public int AmountFor(FrozenSet<string> attributes)
    {
        for (var i = 0; i < AmountWhen.Count; i++) // indexed: this runs for every deadline of every assessment
            if (attributes.IsSupersetOf(AmountWhen[i].AttributesAll)) return AmountWhen[i].Amount;
        return Amount;
    }
}

public sealed record Retention(ClockAnchor Anchor, Period Period, string? From);

/// <summary>What a condition may read: the facts, and how many people fall in this duty's scope.</summary>
/// <param name="Categories">The data categories as bits, so "any of these categories" is one AND instead of a set walk per duty.</param>
public readonly record struct RuleInput(IncidentFacts Facts, int AffectedInScope, ulong Categories);

internal static class CategoryBits
{
    public static ulong Of(IEnumerable<DataCategory> categories)
    {
        ulong bits = 0;
        foreach (var c in categories) bits |= 1UL << (int)c;
        return bits;
    }
}
