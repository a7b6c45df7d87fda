using System.Globalization;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Explanations;

/// <summary>
/// One part of a condition that did not hold: what kind of gate, what the law needs, what the incident records instead,
/// what a person could change (if anything), and the ids of the facts that would change it.
/// </summary>
public sealed record GateFinding(ReasonKind Kind, string Needs, string Recorded, string? Hint, IReadOnlyList<string> Facts)
{
    // Built once: findings are compared by their sentence while the nearest duties are gathered.
    public string Sentence { get; } = $"It needs {Needs}; {Recorded}.";
}

/// <summary>
/// Says which parts of an already compiled condition failed for these facts, and what the law needs instead. Runs only
/// for a regime that gave no duty, from the parts the compiler kept: nothing is compiled or parsed again.
/// </summary>
internal static class ConditionExplainer
{
    public static void Explain(Condition condition, RuleInput input, string jurisdiction, List<GateFinding> into)
    {
        var start = into.Count;
        foreach (var part in condition.Parts)
            if (!part.Holds(input)) into.Add(Finding(part, input, jurisdiction));
        // The gate a person most often got wrong first: who the organisation is, then what data was taken.
        into.Sort(start, into.Count - start, Comparer<GateFinding>.Create((a, b) => Rank(a.Kind).CompareTo(Rank(b.Kind))));
    }

    private static int Rank(ReasonKind kind) => kind switch
    {
        ReasonKind.OrganisationAttribute => 0,
        ReasonKind.NoTriggeringData => 1,
        ReasonKind.EncryptionSafeHarbour => 2,
        ReasonKind.RiskBelowThreshold => 3,
        ReasonKind.NoExfiltration => 4,
        ReasonKind.UnderCountThreshold => 5,
        _ => 6,
    };

    private static GateFinding Finding(ConditionPart part, RuleInput input, string jurisdiction)
    {
        var facts = input.Facts;
        switch (part.Kind)
        {
            case ConditionKind.AttributesAny or ConditionKind.AttributesAll:
                return new(ReasonKind.OrganisationAttribute, Needs(part, jurisdiction), "the organisation's settings do not say so",
                    $"Tick {Attributes(part, part.Kind == ConditionKind.AttributesAll ? "and" : "or")} in the organisation settings if that is true"
                    + (part.Values.Contains("commercial-activity") ? " (a charity that sells, rents or swaps donor or mailing lists has commercial activity)." : "."),
                    part.Values.Select(FactIds.Attribute).ToArray());
            case ConditionKind.AttributesNone:
                return new(ReasonKind.OrganisationAttribute, Needs(part, jurisdiction), "the organisation's settings say it has",
                    $"Untick {Attributes(part, "and")} in the organisation settings if that is wrong.", part.Values.Select(FactIds.Attribute).ToArray());
            case ConditionKind.RiskAtLeast:
                var needed = KebabCase<RiskLevel>.Parse(part.Values[0]);
                return new(ReasonKind.RiskBelowThreshold,
                    FactWords.Risk(needed) + (needed == RiskLevel.High ? " (what the law calls a real risk of significant harm, serious harm or a high risk)" : ""),
                    $"the incident records {FactWords.Risk(facts.RiskLevel)}",
                    RiskHint(needed), [FactIds.RiskLevel]);
            case ConditionKind.RiskAtMost:
                return new(ReasonKind.RiskAboveThreshold, Needs(part, jurisdiction), $"the incident records {FactWords.Risk(facts.RiskLevel)}, which other duties cover",
                    null, [FactIds.RiskLevel]);
            case ConditionKind.CategoriesAny or ConditionKind.NameWith:
                return new(ReasonKind.NoTriggeringData, Needs(part, jurisdiction), $"the incident records {Recorded(facts.DataCategories)}",
                    DataHint(DataValues(part)), [FactIds.DataCategories]);
            case ConditionKind.Exfiltration:
                return new(ReasonKind.NoExfiltration, Needs(part, jurisdiction), $"the incident records exfiltration as {FactWords.Exfiltration(facts.Exfiltration)}",
                    "Change Exfiltration if there is evidence or a suspicion that data left your systems.", [FactIds.Exfiltration]);
            case ConditionKind.NotEncrypted:
                return new(ReasonKind.EncryptionSafeHarbour, Needs(part, jurisdiction), "the data was encrypted and the key is safe, so the law's encryption safe harbour applies",
                    "Change Encryption if the key may have been taken too.", [FactIds.Encryption]);
            case ConditionKind.Causes:
                return new(ReasonKind.Cause, Needs(part, jurisdiction), $"the incident records {FactWords.Cause(KebabCase<Cause>.ToId(facts.Cause))}",
                    "Change Cause if that is wrong.", [FactIds.Cause]);
            case ConditionKind.MinAffected:
                return new(ReasonKind.UnderCountThreshold, Needs(part, jurisdiction),
                    $"the incident counts {input.AffectedInScope.ToString("N0", CultureInfo.InvariantCulture)} there",
                    "Update the affected count if more people there were affected.", [FactIds.Affected]);
            case ConditionKind.AnyOf:
                var inner = new List<GateFinding>();
                foreach (var member in part.Members) Explain(member, input, jurisdiction, inner);
                var kind = inner.Count > 0 ? inner.MinBy(k => Rank(k.Kind))!.Kind : ReasonKind.Excluded;
                var recorded = inner.Select(f => f.Recorded).Distinct().ToList();
                var hints = inner.Select(f => f.Kind == ReasonKind.NoTriggeringData ? DataHint(DataValues(part)) : f.Hint).OfType<string>().Distinct();
                return new(kind, Needs(part, jurisdiction), FactWords.List(recorded, "and"), string.Join(" ", hints),
                    inner.SelectMany(k => k.Facts).Distinct(StringComparer.Ordinal).ToArray());
            default: // Not
                var excluded = part.Members[0];
                return new(ReasonKind.Excluded, Needs(part, jurisdiction), "the incident records that", null,
                    excluded.Parts.SelectMany(FactsOf).Distinct(StringComparer.Ordinal).ToArray());
        }
    }

    private static string RiskHint(RiskLevel needed) => needed == RiskLevel.High
        ? "Confirm a high risk in the risk assessment if the people could suffer significant harm: identity theft or fraud, humiliation, damage to reputation or relationships, reprisal or surveillance by a state, loss of a job or of liberty."
        : "Raise the risk level in the risk assessment if the breach is likely to result in a risk to people's rights and freedoms.";

    private static string DataHint(IEnumerable<string> values) =>
        $"Add the data element if it was taken: {FactWords.List(values.Distinct().Select(FactWords.Category))}.";

    /// <summary>What a condition needs, briefly: one alternative of an <c>anyOf</c>.</summary>
    private static string Needs(Condition condition, string jurisdiction) =>
        string.Join(" and ", condition.Parts.Select(p => Needs(p, jurisdiction)));

    private static string Needs(ConditionPart part, string jurisdiction) => part.Kind switch
    {
        ConditionKind.RiskAtLeast => FactWords.Risk(KebabCase<RiskLevel>.Parse(part.Values[0])) + (part.Values[0] == "high" ? "" : " or more"),
        ConditionKind.RiskAtMost => $"a risk of at most {FactWords.Risk(KebabCase<RiskLevel>.Parse(part.Values[0]))}",
        ConditionKind.CategoriesAny => part.Values.Count == 1 ? FactWords.Category(part.Values[0]) : $"any of {FactWords.List(part.Values.Select(FactWords.Category))}",
        ConditionKind.NameWith => $"a person's name together with {(part.Values.Count == 1 ? "" : "any of ")}{FactWords.List(part.Values.Select(FactWords.Category))}",
        ConditionKind.Exfiltration => $"exfiltration {FactWords.List(part.Values.Select(v => FactWords.Exfiltration(KebabCase<Exfiltration>.Parse(v))))}",
        ConditionKind.NotEncrypted => "data that was not safely encrypted",
        ConditionKind.Causes => $"a breach caused by {FactWords.List(part.Values.Select(FactWords.Cause))}",
        ConditionKind.MinAffected => $"at least {Count(part.Values[0])} people in {jurisdiction}",
        ConditionKind.AttributesAny => $"an organisation marked {Attributes(part, "or")} in its settings",
        ConditionKind.AttributesAll => $"an organisation marked {Attributes(part, "and")} in its settings",
        ConditionKind.AttributesNone => $"an organisation not marked {Attributes(part, "or")} in its settings",
        ConditionKind.AnyOf => "one of: " + string.Join("; or ", part.Members.Select(m => Needs(m, jurisdiction))),
        _ => "the opposite of: " + Needs(part.Members[0], jurisdiction),
    };

    private static IEnumerable<string> FactsOf(ConditionPart part) => part.Kind switch
    {
        ConditionKind.RiskAtLeast or ConditionKind.RiskAtMost => [FactIds.RiskLevel],
        ConditionKind.CategoriesAny or ConditionKind.NameWith => [FactIds.DataCategories],
        ConditionKind.Exfiltration => [FactIds.Exfiltration],
        ConditionKind.NotEncrypted => [FactIds.Encryption],
        ConditionKind.Causes => [FactIds.Cause],
        ConditionKind.MinAffected => [FactIds.Affected],
        ConditionKind.AttributesAll or ConditionKind.AttributesAny or ConditionKind.AttributesNone => part.Values.Select(FactIds.Attribute),
        _ => part.Members.SelectMany(m => m.Parts).SelectMany(FactsOf),
    };

    private static IEnumerable<string> DataValues(ConditionPart part) => part.Kind switch
    {
        ConditionKind.CategoriesAny or ConditionKind.NameWith => part.Values,
        ConditionKind.AnyOf => part.Members.SelectMany(m => m.Parts).SelectMany(DataValues),
        _ => [],
    };

    private static string Attributes(ConditionPart part, string last) => FactWords.List(part.Values.Select(FactWords.Attribute), last);

    private static string Count(string n) => int.Parse(n, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);

    private static string Recorded(IReadOnlyCollection<DataCategory> categories) =>
        categories.Count == 0 ? "no data categories"
            : FactWords.List(categories.Order().Select(c => FactWords.Category(KebabCase<DataCategory>.ToId(c))), "and");
}
