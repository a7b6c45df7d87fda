using System.Collections;
using Compliance.Domain.Rules.Catalogue;
using NodaTime;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>
/// The duties of one incident, plus the status of every regime routed to it, including those that give no duty
/// (no statutory duty, not yet operative, a gate not met), so "why no duty here?" has an answer. It is still the
/// list of obligations callers have always enumerated; the regimes ride along for the writer.
/// </summary>
public sealed class IncidentAssessment(List<AssessedObligation> obligations, List<RegimeConsidered> regimes, IncidentFacts? facts = null) : IReadOnlyList<AssessedObligation>
{
    private IReadOnlyList<Explanations.ConsideredRule>? considered;

    public IReadOnlyList<RegimeConsidered> Regimes => regimes;

    /// <summary>The facts assessed, which the explanations read.</summary>
    public IncidentFacts? Facts => facts;

    /// <summary>
    /// "Why no duty here?" per routed regime, worked out on first use only (the duties alone do not need it). Two threads
    /// asking at once both compute the same list; either one is kept.
    /// </summary>
    public IReadOnlyList<Explanations.ConsideredRule> Considered => considered ??= Explanations.WhyNoDuty.Explain(this);

    public AssessedObligation this[int index] => obligations[index];
    public int Count => obligations.Count;
    public IEnumerator<AssessedObligation> GetEnumerator() => obligations.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// One regime as routed to one authority's share of the incident. <see cref="OperativeFrom"/> is the date a law
/// that is enacted but not yet operative starts to bind, where the catalogue knows it. <see cref="GateMet"/> is
/// false where an organisation fact keeps the law away (Malaysia and PIPEDA without commercial activity).
/// </summary>
public sealed record RegimeConsidered(
    string Jurisdiction,
    string RegimeId,
    RegimeStatus Status,
    string? RuleVersion,
    LocalDate? OperativeFrom,
    bool GateMet,
    string? Note)
{
    /// <summary>The regime itself, for the explanations.</summary>
    public Regime? Regime { get; init; }

    /// <summary>The version in force at the clock start, if any.</summary>
    public RegimeVersion? Version { get; init; }

    /// <summary>How many affected people fall in this authority's share.</summary>
    public int AffectedInScope { get; init; }
}
