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
    public static (int? Version, IResult? Problem) Read(HttpRequest request, string resource)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return (null, null);
        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && !tag.IsWeak && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var n) && n >= 0)
            return (n, null);
        return (null, ApiResults.Invalid("If-Match", $"must be the ETag of the {resource} as last read, e.g. \"3\"."));
    }
}
