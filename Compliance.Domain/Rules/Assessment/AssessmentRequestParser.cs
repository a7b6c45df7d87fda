using System.Collections.Frozen;
using System.Text.Json;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>
/// Reads the assessment contract's JSON (design.md) into <see cref="IncidentFacts"/>, or says which fields
/// are wrong and why. Every problem is reported, each under the JSON path of its field.
/// </summary>
public static class AssessmentRequestParser
{
    public sealed record Result(IncidentFacts? Facts, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Facts is not null;
    }

    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.ExtendedIso;

    public static Result Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return Fail("$", $"The body is not valid JSON: {e.Message}");
        }
        using (doc) return Parse(doc.RootElement);
    }

    public static Result Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static Result Parse(JsonElement root)
    {
        var errors = new Errors();
        if (root.ValueKind != JsonValueKind.Object) return Fail("$", "The body must be a JSON object.");

        var organisation = ReadOrganisation(root, errors);
        var aware = ReadInstant(root, "awareAt", errors, required: true);
        var determined = ReadInstant(root, "determinedAt", errors, required: false);
        var assessed = ReadInstant(root, "assessedAt", errors, required: false);
        var categories = ReadEnumArray<DataCategory>(root, "dataCategories", "data category", errors);
        var affected = ReadAffected(root, errors);
        var exfiltration = ReadEnum<Exfiltration>(root, "exfiltration", errors);
        var encryption = ReadEnum<Encryption>(root, "encryption", errors);
        var cause = ReadEnum<Cause>(root, "cause", errors);
        var risk = ReadEnum<RiskLevel>(root, "riskLevel", errors);

        if (aware is { } a && determined is { } d && d < a) errors.Add("determinedAt", "must not be before awareAt.");
        if (aware is { } a2 && assessed is { } s && s < a2) errors.Add("assessedAt", "must not be before awareAt.");

        if (errors.Any || organisation is null || aware is null || categories is null || affected is null
            || exfiltration is null || encryption is null || cause is null || risk is null)
            return new Result(null, errors.ToDictionary());

        return new Result(new IncidentFacts(organisation, aware.Value, determined ?? aware.Value, assessed ?? aware.Value,
            categories.ToFrozenSet(), affected, exfiltration.Value, encryption.Value, cause.Value, risk.Value), errors.ToDictionary());
    }

    private static OrganisationProfile? ReadOrganisation(JsonElement root, Errors errors)
    {
        if (!root.TryGetProperty("organisation", out var org) || org.ValueKind != JsonValueKind.Object)
        {
            errors.Add("organisation", "is required: an object with establishments, timeZone and attributes.");
            return null;
        }
        var establishments = new List<JurisdictionCode>();
        if (org.TryGetProperty("establishments", out var est) && est.ValueKind != JsonValueKind.Null)
        {
            if (est.ValueKind != JsonValueKind.Array) errors.Add("organisation.establishments", "must be an array of jurisdiction codes.");
            else
            {
                var n = 0;
                foreach (var e in est.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String && JurisdictionCode.TryParse(e.GetString(), out var code)) establishments.Add(code.Value);
                    else errors.Add($"organisation.establishments[{n}]", $"{Show(e)} is not an ISO 3166 code such as 'IE' or 'US-TX'.");
                    n++;
                }
            }
        }
        DateTimeZone? zone = null;
        if (!org.TryGetProperty("timeZone", out var tz) || tz.ValueKind != JsonValueKind.String)
            errors.Add("organisation.timeZone", "is required: an IANA time zone such as 'Europe/Dublin'.");
        else if ((zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz.GetString()!)) is null)
            errors.Add("organisation.timeZone", $"'{tz.GetString()}' is not an IANA time zone such as 'Europe/Dublin'.");

        var attributes = new List<string>();
        if (org.TryGetProperty("attributes", out var attrs) && attrs.ValueKind != JsonValueKind.Null)
        {
            if (attrs.ValueKind != JsonValueKind.Array) errors.Add("organisation.attributes", "must be an array of strings.");
            else
            {
                var n = 0;
                foreach (var e in attrs.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String && IsAttribute(e.GetString()!)) attributes.Add(e.GetString()!);
                    else errors.Add($"organisation.attributes[{n}]", $"{Show(e)} is not a kebab-case attribute such as 'commercial-activity'.");
                    n++;
                }
            }
        }
        return zone is null ? null : new OrganisationProfile(establishments, zone, attributes.ToFrozenSet(StringComparer.Ordinal));
    }

    private static bool IsAttribute(string s) =>
        s.Length is > 0 and <= 64 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static Instant? ReadInstant(JsonElement root, string field, Errors errors, bool required)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(field, "is required: an ISO 8601 date and time with its offset, e.g. '2025-06-13T16:00:00+01:00'.");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && Offset.Parse(value.GetString()!) is { Success: true } parsed)
            return parsed.Value.ToInstant();
        errors.Add(field, $"{Show(value)} is not an ISO 8601 date and time with its offset, e.g. '2025-06-13T16:00:00+01:00'.");
        return null;
    }

    private static T? ReadEnum<T>(JsonElement root, string field, Errors errors) where T : struct, Enum
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(field, $"is required: one of {string.Join(", ", KebabCase<T>.Ids)}.");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && KebabCase<T>.TryParse(value.GetString(), out var parsed)) return parsed;
        errors.Add(field, $"{Show(value)} is not one of {string.Join(", ", KebabCase<T>.Ids)}.");
        return null;
    }

    private static List<T>? ReadEnumArray<T>(JsonElement root, string field, string what, Errors errors) where T : struct, Enum
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, $"is required: an array of {what} ids.");
            return null;
        }
        var list = new List<T>();
        var n = 0;
        foreach (var e in value.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.String && KebabCase<T>.TryParse(e.GetString(), out var parsed)) list.Add(parsed);
            else errors.Add($"{field}[{n}]", $"{Show(e)} is not a {what}; use one of {string.Join(", ", KebabCase<T>.Ids)}.");
            n++;
        }
        return list;
    }

    private static List<AffectedCount>? ReadAffected(JsonElement root, Errors errors)
    {
        if (!root.TryGetProperty("affected", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("affected", "is required: an array of { jurisdiction, count }.");
            return null;
        }
        var list = new List<AffectedCount>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var e in value.EnumerateArray())
        {
            var path = $"affected[{n++}]";
            if (e.ValueKind != JsonValueKind.Object) { errors.Add(path, "must be an object { jurisdiction, count }."); continue; }
            JurisdictionCode? code = null;
            if (!e.TryGetProperty("jurisdiction", out var j) || j.ValueKind != JsonValueKind.String || !JurisdictionCode.TryParse(j.GetString(), out code))
                errors.Add($"{path}.jurisdiction", $"{(j.ValueKind == JsonValueKind.Undefined ? "is required" : Show(j) + " is not")}: an ISO 3166 code such as 'IE' or 'US-TX'.");
            else if (!seen.Add(code.Value.Value))
                errors.Add($"{path}.jurisdiction", $"'{code.Value}' is listed twice; give one count per jurisdiction.");
            int count = 0;
            if (!e.TryGetProperty("count", out var c) || c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out count))
                errors.Add($"{path}.count", "is required: a whole number of people.");
            else if (count < 0)
                errors.Add($"{path}.count", $"{count} is negative; give the number of people affected (0 or more).");
            if (code is not null && count >= 0) list.Add(new AffectedCount(code.Value, count));
        }
        return list;
    }

    private static string Show(JsonElement e) => e.ValueKind == JsonValueKind.String ? $"'{e.GetString()}'" : e.GetRawText();

    private static Result Fail(string field, string message) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);
        public bool Any => byField.Count > 0;
        public void Add(string field, string message)
        {
            if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
            list.Add(message);
        }
        public IReadOnlyDictionary<string, string[]> ToDictionary() => byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }
}
