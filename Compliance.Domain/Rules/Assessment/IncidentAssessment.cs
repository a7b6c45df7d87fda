using System.Collections;
using NodaTime;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>
/// The duties of one incident, plus the status of every regime routed to it, including those that give no duty
/// (no statutory duty, not yet operative, a gate not met), so "why no duty here?" has an answer. It is still the
/// list of obligations callers have always enumerated; the regimes ride along for the writer.
/// </summary>
public sealed class IncidentAssessment(List<AssessedObligation> obligations, List<RegimeConsidered> regimes) : IReadOnlyList<AssessedObligation>
{
    public IReadOnlyList<RegimeConsidered> Regimes => regimes;

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
    string? Note);
