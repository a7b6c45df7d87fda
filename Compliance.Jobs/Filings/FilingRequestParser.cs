using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Rules.Assessment;

namespace Compliance.Jobs.Filings;

/// <summary>
/// Reads a filing's JSON: the assessment contract (design.md) plus optional organisationName, title, stage,
/// filedAt, language and the narrative fields. Every problem is reported under the JSON path of its field.
/// </summary>
public static class FilingRequestParser
{
    /// <summary>Long enough for a detailed narrative; a 100,000-character description is an expected case.</summary>
    public const int MaxTextLength = 500_000;

    public sealed record Result(FilingRequest? Request, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Request is not null;
    }

    public static Result Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static Result Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var doc = FieldReader.ParseDocument(utf8Json, out var jsonErrors);
        if (doc is null) return new Result(null, jsonErrors);
        var root = doc.RootElement;
        var facts = AssessmentRequestParser.Parse(root);
        if (root.ValueKind != JsonValueKind.Object) return new Result(null, facts.Errors);

        var r = new FieldReader();
        var organisation = r.String(root, "organisationName", "organisationName", required: false, maxLength: 1000);
        var title = r.String(root, "title", "title", required: false, maxLength: 1000);
        var stage = r.Enum<FilingStage>(root, "stage", "stage", required: false) ?? FilingStage.Initial;
        var filedAt = r.Instant(root, "filedAt", "filedAt", required: false);
        var language = r.String(root, "language", "language", required: false, maxLength: 20) ?? "en";
        var narrative = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in FilingValueId.Narrative)
            if (Text(root, id, r) is { Length: > 0 } text) narrative[id] = text;

        var errors = facts.Errors.Concat(r.Errors).ToDictionary(e => e.Key, e => e.Value);
        if (!facts.IsValid || r.HasErrors) return new Result(null, errors);
        return new Result(new FilingRequest(facts.Facts!, organisation, title, stage, filedAt, language, narrative), errors);
    }

    private static readonly string[] Counts = ["noticesSent", "records"];

    // Counts may come as whole numbers ("noticesSent": 480) or as text ("about 500"); everything else is text.
    private static string? Text(JsonElement root, string id, FieldReader r) =>
        Counts.Contains(id) && FieldReader.Present(root, id, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out var n) && n >= 0 ? n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : Invalid(r, id)
            : r.String(root, id, id, required: false, maxLength: MaxTextLength);

    private static string? Invalid(FieldReader r, string id)
    {
        r.Error(id, "must be a whole number of people (0 or more) or a text.");
        return null;
    }
}
