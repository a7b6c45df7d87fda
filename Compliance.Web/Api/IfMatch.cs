using Microsoft.Net.Http.Headers;

namespace Compliance.Web.Api;

/// <summary>
/// Versions over HTTP: a resource's ETag is its version in quotes, and an update that sends it back in If-Match is
/// refused with 409 when someone changed the resource since (no If-Match, or "*", updates whatever is there).
/// </summary>
public static class IfMatch
{
    public static string ETagOf(int version) => $"\"{version}\"";

    /// <summary>The version the caller last read, null when they sent none; a malformed header is a 400 naming If-Match.</summary>
    public static (int? Version, IResult? Problem) Read(HttpRequest request, string resource) =>
        TryParse(request.Headers.IfMatch.ToString(), out var version)
            ? (version, null)
            : (null, ApiResults.Invalid("If-Match", Malformed(resource)));

    /// <summary>
    /// Reads an If-Match header: true with null when there is none (or "*", which matches whatever is there), true with
    /// the version an ETag of ours names, false when the header is something else.
    /// </summary>
    public static bool TryParse(string? header, out int? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || !int.TryParse(tag.Tag.AsSpan().Trim('"'), out var n) || n < 0) return false;
        version = n;
        return true;
    }

    /// <summary>The words of a malformed If-Match, naming what the ETag belongs to.</summary>
    public static string Malformed(string resource) => $"must be the ETag of the {resource} as last read, e.g. \"3\".";
}
