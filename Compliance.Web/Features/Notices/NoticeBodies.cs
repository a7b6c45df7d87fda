using System.Text.Json;

namespace Compliance.Web.Features.Notices;

/// <summary>Request bodies of the notice and campaign endpoints: one JSON object, possibly absent, whose fields are known.</summary>
internal static class NoticeBodies
{
    /// <summary>The body as one JSON object; an empty body reads as <c>{}</c> (the POSTs whose fields are all optional).</summary>
    public static async Task<JsonBody.Read> ReadOptionalAsync(HttpRequest request, CancellationToken ct)
    {
        var empty = request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0);
        return empty ? new JsonBody.Read(JsonDocument.Parse("{}"), null) : await JsonBody.ReadObjectAsync(request, ct);
    }

    /// <summary>Each field of the body that is not one of <paramref name="known"/>, as a 400's errors.</summary>
    public static Dictionary<string, string[]> Unknown(JsonElement body, string what, params string[] known) =>
        body.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal))
            .ToDictionary(p => p.Name, _ => new[] { $"is not a field of {what}; the fields are {string.Join(", ", known)}." });

    /// <summary>An optional array of strings; anything else is an error naming the field.</summary>
    public static List<string>? Strings(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            errors[name] = ["must be an array of strings."];
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
