using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// The version of a notice's text in one language, for <c>ETag</c>/<c>If-Match</c>: a hash of its parts as stored. The
/// draft's updated-at cannot serve (it is one for every language, and two saves can share an instant), and the model
/// has no version column; a hash changes exactly when the text does, and two people editing different languages never
/// collide. A language not written yet has the version of no parts.
/// </summary>
public static class NoticeDraftVersion
{
    public static string Of(IReadOnlyDictionary<string, string>? parts)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string>(
            (parts ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(canonical))[..20];
    }

    public static string ETag(string version) => $"\"{version}\"";

    /// <summary>The version an <c>If-Match</c> header names, or null without one (or with "*": every language has a text, if empty).</summary>
    public static string? FromIfMatch(string? header)
    {
        var value = (header ?? "").Trim();
        return value is "" or "*" ? null : value.Trim('"');
    }
}
