namespace Compliance.Domain.Rules.Catalogue;

/// <summary>What one part of a catalogue condition tests: the key it was written with.</summary>
public enum ConditionKind
{
    RiskAtLeast, RiskAtMost, CategoriesAny, NameWith, Exfiltration, NotEncrypted, Causes, MinAffected,
    AttributesAll, AttributesAny, AttributesNone, AnyOf, Not,
}

/// <summary>
/// A compiled catalogue condition: the predicate the engine runs, and its parts (all must hold) with what each tests,
/// so a condition that failed can say which part failed and what would change it, without compiling anything again.
/// </summary>
public sealed class Condition(Func<RuleInput, bool> holds, IReadOnlyList<ConditionPart> parts)
{
    public Func<RuleInput, bool> Holds { get; } = holds;
    public IReadOnlyList<ConditionPart> Parts { get; } = parts;
}

/// <summary>
/// One key of a condition. <see cref="Values"/> are the catalogue's ids (risk level, categories, causes, attributes, or
/// the count for <c>minAffected</c>); <see cref="Members"/> are the alternatives of <c>anyOf</c>, or the single
/// condition under <c>not</c>.
/// </summary>
public sealed record ConditionPart(ConditionKind Kind, IReadOnlyList<string> Values, Func<RuleInput, bool> Holds, IReadOnlyList<Condition> Members);
