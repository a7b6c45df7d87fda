using System.Collections.Frozen;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>
/// Turns a catalogue condition into a predicate. Keys in one object must all hold; <c>anyOf</c> needs one
/// of its members to hold. Unknown ids are catalogue errors, reported with the path where they stand.
/// </summary>
internal static class ConditionCompiler
{
    public static Condition Compile(ConditionDto c, string path)
    {
        var parts = new List<ConditionPart>();
        void Add(ConditionKind kind, IEnumerable<string> values, Func<RuleInput, bool> holds, params Condition[] members) =>
            parts.Add(new ConditionPart(kind, values.ToArray(), holds, members));

        if (c.RiskAtLeast is { } least)
        {
            var min = Parse<RiskLevel>(least, $"{path}.riskAtLeast");
            Add(ConditionKind.RiskAtLeast, [least], i => i.Facts.RiskLevel >= min);
        }
        if (c.RiskAtMost is { } most)
        {
            var max = Parse<RiskLevel>(most, $"{path}.riskAtMost");
            Add(ConditionKind.RiskAtMost, [most], i => i.Facts.RiskLevel <= max);
        }
        if (c.CategoriesAny is { } any)
        {
            var bits = CategoryBits.Of(ParseSet<DataCategory>(any, $"{path}.categoriesAny"));
            Add(ConditionKind.CategoriesAny, any, i => (i.Categories & bits) != 0);
        }
        if (c.NameWith is { } nameWith)
        {
            // US style: a person's name together with at least one of the listed elements.
            var bits = CategoryBits.Of(ParseSet<DataCategory>(nameWith, $"{path}.nameWith"));
            const ulong name = 1UL << (int)DataCategory.Name;
            Add(ConditionKind.NameWith, nameWith, i => (i.Categories & name) != 0 && (i.Categories & bits) != 0);
        }
        if (c.Exfiltration is { } exfiltration)
        {
            var set = ParseSet<Exfiltration>(exfiltration, $"{path}.exfiltration");
            Add(ConditionKind.Exfiltration, exfiltration, i => set.Contains(i.Facts.Exfiltration));
        }
        if (c.NotEncrypted is true)
            Add(ConditionKind.NotEncrypted, [], i => i.Facts.Encryption != Encryption.Encrypted);
        if (c.Causes is { } causes)
        {
            var set = ParseSet<Cause>(causes, $"{path}.causes");
            Add(ConditionKind.Causes, causes, i => set.Contains(i.Facts.Cause));
        }
        if (c.MinAffected is { } minAffected)
        {
            if (minAffected < 1) throw new CatalogueException($"{path}.minAffected must be at least 1.");
            Add(ConditionKind.MinAffected, [minAffected.ToString(System.Globalization.CultureInfo.InvariantCulture)], i => i.AffectedInScope >= minAffected);
        }
        if (c.AttributesAll is { } all)
        {
            var set = all.ToFrozenSet();
            Add(ConditionKind.AttributesAll, all, i => i.Facts.Organisation.Attributes.IsSupersetOf(set));
        }
        if (c.AttributesAny is { } attributesAny)
        {
            var set = attributesAny.ToFrozenSet();
            Add(ConditionKind.AttributesAny, attributesAny, i => i.Facts.Organisation.Attributes.Overlaps(set));
        }
        if (c.AttributesNone is { } none)
        {
            var set = none.ToFrozenSet();
            Add(ConditionKind.AttributesNone, none, i => !i.Facts.Organisation.Attributes.Overlaps(set));
        }
        if (c.AnyOf is { Count: > 0 } anyOf)
        {
            var members = anyOf.Select((m, n) => Compile(m, $"{path}.anyOf[{n}]")).ToArray();
            var predicates = members.Select(m => m.Holds).ToArray();
            Add(ConditionKind.AnyOf, [], i => AnyHolds(predicates, i), members);
        }
        // All of them must hold, as the keys of this object must: their parts join this condition's parts.
        if (c.AllOf is { Count: > 0 } allOf)
            foreach (var (m, n) in allOf.Select((m, n) => (m, n)))
                parts.AddRange(Compile(m, $"{path}.allOf[{n}]").Parts);

        if (c.Not is { } not)
        {
            var inner = Compile(not, $"{path}.not");
            var holds = inner.Holds;
            Add(ConditionKind.Not, [], i => !holds(i), inner);
        }

        if (parts.Count == 0) throw new CatalogueException($"{path} is an empty condition.");
        var array = parts.Select(p => p.Holds).ToArray();
        return new Condition(array.Length == 1 ? array[0] : i => AllHold(array, i), parts);
    }

    // Plain loops: Array.Exists and Array.TrueForAll with a lambda capturing the input allocated on every evaluation,
    // and conditions are evaluated for every duty of every jurisdiction of every assessment.
    private static bool AnyHolds(Func<RuleInput, bool>[] conditions, RuleInput input)
    {
        foreach (var c in conditions)
            if (c(input)) return true;
        return false;
    }

    private static bool AllHold(Func<RuleInput, bool>[] conditions, RuleInput input)
    {
        foreach (var c in conditions)
            if (!c(input)) return false;
        return true;
    }

    internal static T Parse<T>(string id, string path) where T : struct, Enum =>
        KebabCase<T>.TryParse(id, out var value) ? value
            : throw new CatalogueException($"{path}: '{id}' is not one of {string.Join(", ", KebabCase<T>.Ids)}.");

    private static FrozenSet<T> ParseSet<T>(IEnumerable<string> ids, string path) where T : struct, Enum =>
        ids.Select((id, n) => Parse<T>(id, $"{path}[{n}]")).ToFrozenSet();
}

public sealed class CatalogueException(string message) : Exception(message);
