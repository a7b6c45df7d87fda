using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Compliance.Domain.Workspace;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Incidents;

/// <summary>What the form meant: the validated input, or every problem keyed by the JSON field it concerns.</summary>
public sealed record IncidentFormResult(
    IncidentInput? Input,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyDictionary<string, Ambiguity> Ambiguities);

/// <summary>
/// Reads the incident form into the same JSON the API takes and validates it with the same parser, so the form
/// and the API cannot disagree about what a valid incident is. Only the clocks are the form's own business:
/// a local time in a zone becomes an instant here, with gaps and overlaps decided by the person.
/// </summary>
public static partial class IncidentFormReader
{
    public static IncidentFormResult Read(IncidentForm form)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var ambiguities = new Dictionary<string, Ambiguity>(StringComparer.Ordinal);
        var zone = form.ClockZone is { Length: > 0 } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : null;
        if (zone is null) errors["timeZone"] = ["Choose the time zone the clocks were read in."];

        var json = new JsonObject
        {
            ["title"] = form.Title ?? "",
            ["summary"] = form.Summary ?? "",
            ["timeZone"] = zone?.Id,
            ["dataCategories"] = new JsonArray(form.DataCategories.Select(c => (JsonNode)c).ToArray()),
            ["exfiltration"] = Blank(form.Exfiltration),
            ["encryption"] = Blank(form.Encryption),
            ["cause"] = Blank(form.Cause),
            ["riskLevel"] = Blank(form.RiskLevel),
            ["riskRationale"] = form.RiskRationale ?? "",
        };

        var hold = new JsonObject();
        foreach (var (field, input, required) in Clocks(form))
        {
            if (input.IsBlank)
            {
                if (required) errors[field] = ["Enter when the organisation became aware of the breach."];
                continue;
            }
            if (zone is null)
            {
                errors[field] = ["Choose a time zone to read this time in."];
                continue;
            }
            var resolved = LocalClock.Resolve(input, zone);
            if (resolved.Ambiguity is { } a) ambiguities[field] = a;
            var text = resolved.Instant is { } at ? OffsetDateTimePattern.ExtendedIso.Format(at.InZone(zone).ToOffsetDateTime()) : null;
            if (text is null) errors[field] = [resolved.Problem!];
            else if (field.StartsWith(HoldPrefix, StringComparison.Ordinal)) hold[field[HoldPrefix.Length..]] = text;
            else json[field] = text;
        }
        // A hold needs both ends; one alone is named, so the person sees which is missing.
        if (form.HoldFrom.IsBlank != form.HoldUntil.IsBlank)
            errors[form.HoldFrom.IsBlank ? "lawEnforcementHold.from" : "lawEnforcementHold.until"] = ["Enter both when law enforcement's hold began and when it ends, or neither."];
        else if (hold.Count == 2) json["lawEnforcementHold"] = hold;

        var rowOfEntry = new List<int>();
        var affected = new JsonArray();
        for (var row = 0; row < form.Affected.Count; row++)
        {
            var r = form.Affected[row];
            if (r.IsBlank) continue;
            rowOfEntry.Add(row);
            affected.Add(new JsonObject
            {
                ["jurisdiction"] = Blank(r.Jurisdiction?.Trim().ToUpperInvariant()),
                ["count"] = ParseCount(r.Count),
                ["estimated"] = r.Estimated,
            });
        }
        json["affected"] = affected;

        var (parsed, parseErrors) = IncidentInput.Parse(JsonSerializer.SerializeToElement(json), zone?.Id ?? "UTC");
        foreach (var (field, messages) in parseErrors)
        {
            var key = ToRow(field, rowOfEntry);
            if (!errors.ContainsKey(key)) errors[key] = messages;
        }
        return new IncidentFormResult(errors.Count == 0 ? parsed : null, errors, ambiguities);
    }

    public static IEnumerable<(string Field, LocalTimeInput Input, bool Required)> Clocks(IncidentForm form) =>
    [
        ("awareAt", form.AwareAt, true),
        ("determinedAt", form.DeterminedAt, false),
        ("assessedAt", form.AssessedAt, false),
        ("occurredFrom", form.OccurredFrom, false),
        ("occurredUntil", form.OccurredUntil, false),
        (HoldPrefix + "from", form.HoldFrom, false),
        (HoldPrefix + "until", form.HoldUntil, false),
    ];

    private const string HoldPrefix = "lawEnforcementHold.";

    private static JsonNode? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value.Trim());

    // "2,400" and "2 400" are how people write counts; anything else goes to the validator as typed, to be named.
    private static JsonNode? ParseCount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = text.Trim().Replace(",", "").Replace(" ", "").Replace("_", "");
        return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(text.Trim());
    }

    // The validator numbers the rows it was given; the page numbers every row, blank ones included.
    private static string ToRow(string field, List<int> rowOfEntry)
    {
        var m = AffectedIndex().Match(field);
        return m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < rowOfEntry.Count
            ? $"affected[{rowOfEntry[i]}]{field[m.Length..]}"
            : field;
    }

    [GeneratedRegex(@"^affected\[(\d+)\]")]
    private static partial Regex AffectedIndex();
}
