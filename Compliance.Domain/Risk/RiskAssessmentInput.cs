using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Risk;

/// <summary>
/// What a person submits: the answers, the level they confirm, and their rationale (required when the level is not
/// the one proposed; the workspace checks that, since only it knows the incident's facts). The JSON names are the API's.
/// </summary>
public sealed record RiskAssessmentInput(RiskAnswers Answers, RiskLevel ConfirmedLevel, string Rationale)
{
    public const int RationaleLength = 4000;

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "answers", "confirmedLevel", "rationale" };

    private static readonly string[] AnswerFlags = ["stateActor", "surveillance", "reprisal", "politicalExposure", "vulnerablePeople"];
    private static readonly string[] AnswerFields = [.. AnswerFlags, "identification", "lost", "misuse", "consequences"];

    public static (RiskAssessmentInput? Input, IReadOnlyDictionary<string, string[]> Errors) Parse(JsonElement root)
    {
        var r = new FieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "The body must be a JSON object.");
            return (null, r.Errors);
        }
        foreach (var p in root.EnumerateObject().Where(p => !Fields.Contains(p.Name))) r.Error(p.Name, "is not a field of a risk assessment.");

        var answers = ReadAnswers(r, root);
        var level = r.Enum<RiskLevel>(root, "confirmedLevel", "confirmedLevel");
        var rationale = r.String(root, "rationale", "rationale", required: false, maxLength: RationaleLength, multiline: true) ?? "";
        if (r.HasErrors || answers is null || level is null) return (null, r.Errors);
        return (new RiskAssessmentInput(answers, level.Value, rationale), r.Errors);
    }

    /// <summary>The answers alone, for a proposal before anyone confirms a level: a body of just "answers".</summary>
    public static (RiskAnswers? Answers, IReadOnlyDictionary<string, string[]> Errors) ParseAnswers(JsonElement root)
    {
        var r = new FieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "The body must be a JSON object.");
            return (null, r.Errors);
        }
        foreach (var p in root.EnumerateObject().Where(p => p.Name != "answers")) r.Error(p.Name, "is not a field of a risk proposal's request.");
        var answers = ReadAnswers(r, root);
        return r.HasErrors ? (null, r.Errors) : (answers, r.Errors);
    }

    private static RiskAnswers? ReadAnswers(FieldReader r, JsonElement root)
    {
        if (!root.TryGetProperty("answers", out var a) || a.ValueKind != JsonValueKind.Object)
            r.Error("answers", "is required: an object with the answers to the assessment's questions.");
        else
        {
            foreach (var p in a.EnumerateObject().Where(p => !AnswerFields.Contains(p.Name))) r.Error($"answers.{p.Name}", "is not a question of the assessment.");
            var flags = AnswerFlags.ToDictionary(f => f, f => Flag(r, a, f));
            var identification = r.Enum<Identification>(a, "identification", "answers.identification");
            var misuse = r.Enum<Misuse>(a, "misuse", "answers.misuse");
            var consequences = r.Enum<Consequences>(a, "consequences", "answers.consequences");
            var lost = FieldReader.Present(a, "lost", out _) ? r.EnumArray<SecurityLoss>(a, "lost", "answers.lost", "kind of loss") : [];
            if (identification is { } i && misuse is { } m && consequences is { } c && lost is not null)
                return new RiskAnswers
                {
                    StateActor = flags["stateActor"], Surveillance = flags["surveillance"], Reprisal = flags["reprisal"],
                    PoliticalExposure = flags["politicalExposure"], VulnerablePeople = flags["vulnerablePeople"],
                    Identification = i, Misuse = m, Consequences = c, Lost = lost,
                };
        }
        return null;
    }

    // A question left out is answered "no": the form's unticked box says the same.
    private static bool Flag(FieldReader r, JsonElement obj, string name)
    {
        if (!FieldReader.Present(obj, name, out var value)) return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        r.Error($"answers.{name}", $"{FieldReader.Show(value)} is not true or false.");
        return false;
    }
}
