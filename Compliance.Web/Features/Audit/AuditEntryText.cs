using System.Text.Json;
using Compliance.Domain.Audit;

namespace Compliance.Web.Features.Audit;

/// <summary>An audit line's data as "before → after" lines a person can read; the raw JSON stays in the CSV.</summary>
public static class AuditEntryText
{
    public static IReadOnlyList<string> Describe(AuditEntry entry)
    {
        using var data = JsonDocument.Parse(entry.Data);
        var root = data.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return [root.GetRawText()];
        if (root.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
            return changes.EnumerateArray().Select(c =>
                $"{Text(c, "field")}: {Json(Text(c, "before"))} → {Json(Text(c, "after"))}").ToList();

        var lines = new List<string>();
        if (root.TryGetProperty("before", out var before) | root.TryGetProperty("after", out var after))
            lines.Add($"{Show(before)} → {Show(after)}");
        foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("before" or "after" or "id")))
            lines.Add($"{property.Name}: {Show(property.Value)}");
        return lines;
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    // Field changes hold JSON text ("\"2019-03-15T01:00:00Z\""); show the value, not its quoting.
    private static string Json(string jsonText)
    {
        if (jsonText.Length == 0) return "(empty)";
        try
        {
            using var doc = JsonDocument.Parse(jsonText);
            return Show(doc.RootElement);
        }
        catch (JsonException)
        {
            return jsonText;
        }
    }

    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "(none)",
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(Show)),
        JsonValueKind.Object => "(" + string.Join(", ", e.EnumerateObject().Select(p => $"{p.Name}: {Show(p.Value)}")) + ")",
        _ => e.GetRawText(),
    };
}
