using System.Text.Json;
using Compliance.Domain.Json;

namespace Compliance.Web.Features.Webhooks;

/// <summary>Reads the API's endpoint bodies; problems go to the reader by JSON field name, unknown fields included.</summary>
public static class WebhookBodyReader
{
    private static readonly string[] CreateFields = ["url", "description", "events"];
    private static readonly string[] PatchFields = ["url", "description", "events", "enabled", "version"];

    public sealed record Fields(string? Url, string? Description, List<string>? Events, bool? Enabled, int? Version);

    public static Fields Read(FieldReader reader, JsonElement root, bool patch)
    {
        reader.Unknown(root, patch ? PatchFields : CreateFields, "is not a field of a webhook endpoint.");
        var url = Text(reader, root, "url", required: !patch);
        var description = Text(reader, root, "description", required: false);
        var events = Events(reader, root, required: !patch);
        bool? enabled = null;
        if (patch && FieldReader.Present(root, "enabled", out var on))
        {
            if (on.ValueKind is JsonValueKind.True or JsonValueKind.False) enabled = on.GetBoolean();
            else reader.Error("enabled", $"{FieldReader.Show(on)} is not true or false.");
        }
        int? version = null;
        if (patch && FieldReader.Present(root, "version", out var v))
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0) version = n;
            else reader.Error("version", $"{FieldReader.Show(v)} is not a version number as last read.");
        }
        return new Fields(url, description, events, enabled, version);
    }

    /// <summary>The version an If-Match header names; a header that is no ETag of ours is an error on "If-Match".</summary>
    public static int? IfMatch(FieldReader reader, string? header, int? bodyVersion)
    {
        if (!Api.IfMatch.TryParse(header, out var version) || version is < 1)
        {
            reader.Error("If-Match", Api.IfMatch.Malformed("endpoint"));
            return bodyVersion;
        }
        if (version is not { } n) return bodyVersion;
        if (bodyVersion is { } b && b != n) reader.Error("version", $"is {b} but If-Match says {n}; send one.");
        return n;
    }

    private static string? Text(FieldReader reader, JsonElement root, string name, bool required)
    {
        if (!FieldReader.Present(root, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) reader.Error(name, "is required.");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        reader.Error(name, $"{FieldReader.Show(value)} is not a string.");
        return null;
    }

    private static List<string>? Events(FieldReader reader, JsonElement root, bool required)
    {
        if (!FieldReader.Present(root, "events", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) reader.Error("events", "is required: a list of event types.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            reader.Error("events", "must be a list of event types (strings).");
            return null;
        }
        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
