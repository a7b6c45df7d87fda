using System.Text.Json;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Json;

/// <summary>
/// Reads fields of a JSON request and collects every problem under the JSON path of its field, so one
/// response can tell the user about all of them. Shared by the assessment and incident requests.
/// </summary>
public sealed class FieldReader
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);
    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.ExtendedIso;

    // Breach laws and the systems they govern are younger than 1970; a deadline years past 2199 is a typo, and
    // year 9999 plus 72 hours overflows. Stored incidents are held to "not in the future" by the workspace.
    public const int EarliestYear = 1970, LatestYear = 2200;
    private static readonly NodaTime.Instant Earliest = NodaTime.Instant.FromUtc(EarliestYear, 1, 1, 0, 0);
    private static readonly NodaTime.Instant Latest = NodaTime.Instant.FromUtc(LatestYear, 1, 1, 0, 0);

    public bool HasErrors => errors.Count > 0;

    public void Error(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>
    /// Names each property of <paramref name="obj"/> that is not one of <paramref name="known"/> (at <paramref name="path"/>
    /// when the object is nested), in the words of <paramref name="message"/>: a typo is a 400, never silently ignored.
    /// </summary>
    public void Unknown(JsonElement obj, IReadOnlyCollection<string> known, string message, string? path = null)
    {
        foreach (var property in obj.EnumerateObject().Where(p => !known.Contains(p.Name)))
            Error(path is null ? property.Name : $"{path}.{property.Name}", message);
    }

    public IReadOnlyDictionary<string, string[]> Errors => errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public static bool Present(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public Instant? Instant(JsonElement obj, string name, string path, bool required)
    {
        if (!Present(obj, name, out var value))
        {
            if (required) Error(path, "is required: an ISO 8601 date and time with its offset, e.g. '2025-06-13T16:00:00+01:00'.");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && Offset.Parse(value.GetString()!) is { Success: true } parsed)
        {
            var instant = parsed.Value.ToInstant();
            if (instant >= Earliest && instant < Latest) return instant;
            Error(path, $"{Show(value)} is outside the years {EarliestYear} to {LatestYear - 1}; check the year.");
            return null;
        }
        Error(path, $"{Show(value)} is not an ISO 8601 date and time with its offset, e.g. '2025-06-13T16:00:00+01:00'.");
        return null;
    }

    public T? Enum<T>(JsonElement obj, string name, string path, bool required = true) where T : struct, System.Enum
    {
        if (!Present(obj, name, out var value))
        {
            if (required) Error(path, $"is required: one of {string.Join(", ", KebabCase<T>.Ids)}.");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && KebabCase<T>.TryParse(value.GetString(), out var parsed)) return parsed;
        Error(path, $"{Show(value)} is not one of {string.Join(", ", KebabCase<T>.Ids)}.");
        return null;
    }

    public List<T>? EnumArray<T>(JsonElement obj, string name, string path, string what) where T : struct, System.Enum
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"is required: an array of {what} ids.");
            return null;
        }
        var list = new List<T>();
        var n = 0;
        foreach (var e in value.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.String && KebabCase<T>.TryParse(e.GetString(), out var parsed))
            {
                if (!list.Contains(parsed)) list.Add(parsed);
            }
            else Error($"{path}[{n}]", $"{Show(e)} is not a {what}; use one of {string.Join(", ", KebabCase<T>.Ids)}.");
            n++;
        }
        return list;
    }

    public sealed record AffectedEntry(JurisdictionCode Jurisdiction, int Count, bool Estimated);

    public List<AffectedEntry>? Affected(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            Error(path, "is required: an array of { jurisdiction, count }.");
            return null;
        }
        var list = new List<AffectedEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var e in value.EnumerateArray())
        {
            var at = $"{path}[{n++}]";
            if (e.ValueKind != JsonValueKind.Object) { Error(at, "must be an object { jurisdiction, count }."); continue; }
            JurisdictionCode? code = null;
            var hasJurisdiction = e.TryGetProperty("jurisdiction", out var j);
            if (!hasJurisdiction || j.ValueKind != JsonValueKind.String || !JurisdictionCode.TryParse(j.GetString(), out code))
                Error($"{at}.jurisdiction", hasJurisdiction ? NotAJurisdiction(j) : "is required: an ISO 3166 code such as 'IE' or 'US-TX'.");
            else if (!seen.Add(code.Value.Value))
                Error($"{at}.jurisdiction", $"'{code.Value}' is listed twice; give one count per jurisdiction.");
            var count = 0;
            if (!e.TryGetProperty("count", out var c) || c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out count))
                Error($"{at}.count", "is required: a whole number of people.");
            else if (count < 0)
                Error($"{at}.count", $"{count} is negative; give the number of people affected (0 or more).");
            var estimated = e.TryGetProperty("estimated", out var est) && est.ValueKind == JsonValueKind.True;
            if (e.TryGetProperty("estimated", out est) && est.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                Error($"{at}.estimated", "must be true or false.");
            if (code is not null && count >= 0) list.Add(new AffectedEntry(code.Value, count, estimated));
        }
        return list;
    }

    private static string NotAJurisdiction(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Iso3166.CodeOfName(value.GetString()!) is { } code
            ? $"{Show(value)} is a name, not an ISO 3166 code: write {code} (or a state or province such as US-TX)."
            : $"{Show(value)} is not an ISO 3166 code such as 'IE' or 'US-TX' (a country's two letters, or a state or province).";

    public string? String(JsonElement obj, string name, string path, bool required, int maxLength, bool multiline = false)
    {
        if (!Present(obj, name, out var value))
        {
            if (required) Error(path, "is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String) { Error(path, "must be a string."); return null; }
        var text = value.GetString()!.Trim();
        if (required && text.Length == 0) { Error(path, "must not be empty."); return null; }
        if (PlainText.Problem(text, maxLength, multiline) is { } problem) { Error(path, problem); return null; }
        return text;
    }

    public DateTimeZone? Zone(JsonElement obj, string name, string path, bool required)
    {
        if (!Present(obj, name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            if (required || obj.TryGetProperty(name, out _) && value.ValueKind != JsonValueKind.Null)
                Error(path, "is required: an IANA time zone such as 'Europe/Dublin'.");
            return null;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(value.GetString()!);
        if (zone is null) Error(path, $"'{value.GetString()}' is not an IANA time zone such as 'Europe/Dublin'.");
        return zone;
    }

    public static string Show(JsonElement e) => e.ValueKind == JsonValueKind.String ? $"'{e.GetString()}'" : e.GetRawText();

    /// <summary>Parses bytes into a document, or reports why not under "$".</summary>
    public static JsonDocument? ParseDocument(ReadOnlySpan<byte> utf8, out IReadOnlyDictionary<string, string[]> errors)
    {
        try
        {
            errors = new Dictionary<string, string[]>();
            return JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors = new Dictionary<string, string[]> { ["$"] = [$"The body is not valid JSON: {e.Message}"] };
            return null;
        }
    }
}
