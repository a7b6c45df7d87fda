using System.Text.Json;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Json;

/// <summary>The facts of the assessment contract that the assessment and the incident requests share, read and cross-checked once.</summary>
public sealed record ContractFacts(
    Instant? AwareAt, Instant? DeterminedAt, Instant? AssessedAt, List<DataCategory>? DataCategories, List<FieldReader.AffectedEntry>? Affected,
    Exfiltration? Exfiltration, Encryption? Encryption, Cause? Cause, RiskLevel? RiskLevel)
{
    /// <summary>The optional <c>lawEnforcementHold: {from, until}</c> (additive to the contract).</summary>
    public LawEnforcementHold? LawEnforcementHold { get; init; }

    /// <summary>Reads the facts from a request's root object; every problem goes to the reader, under its field.</summary>
    public static ContractFacts Read(FieldReader r, JsonElement root)
    {
        var facts = new ContractFacts(
            r.Instant(root, "awareAt", "awareAt", required: true),
            r.Instant(root, "determinedAt", "determinedAt", required: false),
            r.Instant(root, "assessedAt", "assessedAt", required: false),
            r.EnumArray<DataCategory>(root, "dataCategories", "dataCategories", "data category"),
            r.Affected(root, "affected", "affected"),
            r.Enum<Exfiltration>(root, "exfiltration", "exfiltration"),
            r.Enum<Encryption>(root, "encryption", "encryption"),
            r.Enum<Cause>(root, "cause", "cause"),
            r.Enum<RiskLevel>(root, "riskLevel", "riskLevel"));
        if (facts.AwareAt is { } a && facts.DeterminedAt is { } d && d < a) r.Error("determinedAt", "must not be before awareAt.");
        if (facts.AwareAt is { } a2 && facts.AssessedAt is { } s && s < a2) r.Error("assessedAt", "must not be before awareAt.");
        return facts with { LawEnforcementHold = Hold(r, root) };
    }

    /// <summary>Law enforcement's request to delay notices to people: both ends required, the end after the start.</summary>
    private static LawEnforcementHold? Hold(FieldReader r, JsonElement root)
    {
        const string path = "lawEnforcementHold";
        if (!FieldReader.Present(root, path, out var hold)) return null;
        if (hold.ValueKind != JsonValueKind.Object)
        {
            r.Error(path, "must be an object {\"from\": ..., \"until\": ...} with two ISO 8601 times, or null.");
            return null;
        }
        var from = r.Instant(hold, "from", $"{path}.from", required: true);
        var until = r.Instant(hold, "until", $"{path}.until", required: true);
        if (from is null || until is null) return null;
        if (until <= from)
        {
            r.Error($"{path}.until", "must be after lawEnforcementHold.from.");
            return null;
        }
        return new LawEnforcementHold(from.Value, until.Value);
    }
}
