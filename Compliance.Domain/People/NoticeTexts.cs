using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compliance.Domain.People;

/// <summary>
/// The written parts of a notice, one set per language (a language tag such as "en", "fr" or "zh-Hant"), as a
/// <see cref="NoticeDraft"/> stores them: <c>{"en": {"nature": "..."}, "zh-Hant": {...}}</c>. A draft saved before
/// notices had languages holds one flat set; it reads as the <see cref="LegacyLanguage"/> text.
/// </summary>
public static class NoticeTexts
{
    /// <summary>The language of a draft written before drafts had languages: the templates' own fallback, English.</summary>
    public const string LegacyLanguage = "en";

    public static Dictionary<string, Dictionary<string, string>> Read(string? json)
    {
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json) is not JsonObject root) return texts;
        var legacy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in root)
        {
            if (value is JsonObject fields)
                texts[key] = fields.Where(f => f.Value is JsonValue).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>(), StringComparer.Ordinal);
            else if (value is JsonValue text && text.TryGetValue<string>(out var s))
                legacy[key] = s;
        }
        if (legacy.Count > 0 && !texts.ContainsKey(LegacyLanguage)) texts[LegacyLanguage] = legacy;
        return texts;
    }

    public static string Write(IReadOnlyDictionary<string, Dictionary<string, string>> texts) =>
        JsonSerializer.Serialize(texts.OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(t => t.Key, t => new SortedDictionary<string, string>(t.Value, StringComparer.Ordinal)));

    /// <summary>Whether a language has any written part at all (a language with none is missing, not half-done).</summary>
    public static bool HasText(IReadOnlyDictionary<string, Dictionary<string, string>> texts, string language) =>
        texts.TryGetValue(language, out var fields) && fields.Values.Any(v => !string.IsNullOrWhiteSpace(v));
}
