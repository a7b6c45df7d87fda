using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Incidents;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>
/// A PATCH of an incident, understood: the given facts laid over the current ones (JSON merge patch, so null clears
/// an optional clock) and parsed as a whole, the version the client edited, and a status change if asked for.
/// </summary>
public sealed record IncidentPatch(IncidentInput Input, IncidentStatus? Status, int? ExpectedVersion)
{
    // The names IncidentInput reads, taken from its own writer so the two cannot drift apart.
    public static readonly FrozenSet<string> FactFields =
        IncidentInput.ToJson(new Incident(Guid.Empty, Guid.Empty, "", "", Instant.FromUnixTimeTicks(0), Instant.FromUnixTimeTicks(0)))
            .Select(p => p.Key).ToFrozenSet(StringComparer.Ordinal);

    // Fields of the resource the server sets; a client that sends back what it read is not wrong.
    public static readonly FrozenSet<string> ServerFields =
        new[] { "id", "reference", "status", "version", "totalAffected", "createdAt", "updatedAt" }.ToFrozenSet(StringComparer.Ordinal);

    public static (IncidentPatch? Patch, IReadOnlyDictionary<string, string[]> Errors) Parse(JsonElement body, Incident current, string? ifMatch)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);

        var merged = IncidentInput.ToJson(current);
        foreach (var field in body.EnumerateObject())
        {
            if (FactFields.Contains(field.Name)) merged[field.Name] = JsonNode.Parse(field.Value.GetRawText());
            else if (!ServerFields.Contains(field.Name)) Error(field.Name, "is not a field of an incident.");
        }

        IncidentStatus? status = null;
        if (body.TryGetProperty("status", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind == JsonValueKind.String && KebabCase<IncidentStatus>.TryParse(s.GetString(), out var parsed)) status = parsed;
            else Error("status", $"must be one of {string.Join(", ", KebabCase<IncidentStatus>.Ids)}.");
        }

        var version = ReadVersion(body, Error);
        var headerVersion = ReadIfMatch(ifMatch, Error);
        if (headerVersion is { } h && version is { } v && h != v) Error("version", $"is {v} but If-Match says {h}; send one.");

        var (input, inputErrors) = IncidentInput.Parse(JsonSerializer.SerializeToElement(merged), current.ClockZone);
        foreach (var (field, messages) in inputErrors)
            foreach (var m in messages) Error(field, m);

        if (errors.Count > 0) return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return (new IncidentPatch(input!, status, headerVersion ?? version), new Dictionary<string, string[]>());
    }

    private static int? ReadVersion(JsonElement body, Action<string, string> error)
    {
        if (!body.TryGetProperty("version", out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0) return n;
        error("version", "must be the incident's version as last read (a whole number).");
        return null;
    }

    private static int? ReadIfMatch(string? header, Action<string, string> error)
    {
        if (IfMatch.TryParse(header, out var version)) return version;
        error("If-Match", IfMatch.Malformed("incident"));
        return null;
    }
}
