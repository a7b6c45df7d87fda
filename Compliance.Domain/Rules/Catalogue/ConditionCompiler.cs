using System.Collections.Frozen;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>
/// Turns a catalogue condition into a predicate. Keys in one object must all hold; <c>anyOf</c> needs one
/// of its members to hold. Unknown ids are catalogue errors, reported with the path where they stand.
/// </summary>
internal static class ConditionCompiler
{
    public static Func<RuleInput, bool> Compile(ConditionDto c, string path)
    {
        var parts = new List<Func<RuleInput, bool>>();

        if (c.RiskAtLeast is { } least)
        {
            var min = Parse<RiskLevel>(least, $"{path}.riskAtLeast");
            parts.Add(i => i.Facts.RiskLevel >= min);
        }
        if (c.RiskAtMost is { } most)
        {
            var max = Parse<RiskLevel>(most, $"{path}.riskAtMost");
            parts.Add(i => i.Facts.RiskLevel <= max);
        }
        if (c.CategoriesAny is { } any)
        {
            var bits = CategoryBits.Of(ParseSet<DataCategory>(any, $"{path}.categoriesAny"));
            parts.Add(i => (i.Categories & bits) != 0);
        }
        if (c.NameWith is { } nameWith)
        {
            // US style: a person's name together with at least one of the listed elements.
            var bits = CategoryBits.Of(ParseSet<DataCategory>(nameWith, $"{path}.nameWith"));
            const ulong name = 1UL << (int)DataCategory.Name;
            parts.Add(i => (i.Categories & name) != 0 && (i.Categories & bits) != 0);
        }
        if (c.Exfiltration is { } exfiltration)
        {
            var set = ParseSet<Exfiltration>(exfiltration, $"{path}.exfiltration");
            parts.Add(i => set.Contains(i.Facts.Exfiltration));
        }
        if (c.NotEncrypted is true)
            parts.Add(i => i.Facts.Encryption != Encryption.Encrypted);
        if (c.Causes is { } causes)
        {
            var set = ParseSet<Cause>(causes, $"{path}.causes");
            parts.Add(i => set.Contains(i.Facts.Cause));
        }
        if (c.MinAffected is { } minAffected)
        {
            if (minAffected < 1) throw new CatalogueException($"{path}.minAffected must be at least 1.");
            parts.Add(i => i.AffectedInScope >= minAffected);
        }
        if (c.AttributesAll is { } all)
        {
            var set = all.ToFrozenSet();
            parts.Add(i => i.Facts.Organisation.Attributes.IsSupersetOf(set));
        }
        if (c.AttributesAny is { } attributesAny)
        {
            var set = attributesAny.ToFrozenSet();
            parts.Add(i => i.Facts.Organisation.Attributes.Overlaps(set));
        }
        if (c.AttributesNone is { } none)
        {
            var set = none.ToFrozenSet();
            parts.Add(i => !i.Facts.Organisation.Attributes.Overlaps(set));
        }
        if (c.AnyOf is { Count: > 0 } anyOf)
        {
            var members = anyOf.Select((m, n) => Compile(m, $"{path}.anyOf[{n}]")).ToArray();
            parts.Add(i => AnyHolds(members, i));
        }
        if (c.AllOf is { Count: > 0 } allOf)
            parts.AddRange(allOf.Select((m, n) => Compile(m, $"{path}.allOf[{n}]")));

        if (c.Not is { } not)
        {
            var inner = Compile(not, $"{path}.not");
            parts.Add(i => !inner(i));
        }

        if (parts.Count == 0) throw new CatalogueException($"{path} is an empty condition.");
        var array = parts.ToArray();
        return array.Length == 1 ? array[0] : i => AllHold(array, i);
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
