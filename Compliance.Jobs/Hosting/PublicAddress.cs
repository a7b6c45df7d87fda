using System.Net;

namespace Compliance.Jobs.Hosting;

/// <summary>
/// The address people use to reach the app, for links in mails: <c>App:BaseUrl</c> when it is set, otherwise where the
/// web app listens (learnt once the server has started), otherwise <see cref="Default"/> (a worker with no web server).
/// </summary>
public sealed class PublicAddress(Uri? configured)
{
    public static readonly Uri Default = new("http://127.0.0.1:5080/");

    private Uri? listening;

    /// <summary>The configured <c>App:BaseUrl</c>, or null when links follow the listening address.</summary>
    public Uri? Configured { get; } = configured;

    public Uri Current => Configured ?? Volatile.Read(ref listening) ?? Default;

    /// <summary>An absolute link to a path of the app (<c>/Incidents/…</c>), under the base URL's own path if it has one.</summary>
    public string Link(string pathAndQuery)
    {
        var root = Current.AbsoluteUri.TrimEnd('/');
        return root + "/" + pathAndQuery.TrimStart('/');
    }

    /// <summary>
    /// Learns the listening addresses (Kestrel's, after start). HTTPS wins over HTTP; a wildcard host (0.0.0.0, [::], *, +)
    /// becomes this machine's name, since that is what other people's mail clients can reach. Returns the address chosen.
    /// </summary>
    public Uri? Listening(IEnumerable<string> addresses)
    {
        var parsed = addresses
            .Select(a => a.Replace("://*", "://wildcard.invalid").Replace("://+", "://wildcard.invalid"))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>()
            .Where(u => u.Scheme is "http" or "https")
            .OrderBy(u => u.Scheme == "https" ? 0 : 1)
            .ToList();
        if (parsed.Count == 0) return null;
        var chosen = parsed[0];
        if (IsWildcard(chosen.Host)) chosen = new UriBuilder(chosen) { Host = Dns.GetHostName() }.Uri;
        Volatile.Write(ref listening, new Uri(chosen.GetLeftPart(UriPartial.Authority) + "/"));
        return Current;
    }

    private static bool IsWildcard(string host) =>
        host is "wildcard.invalid" or "0.0.0.0" or "[::]" or "::" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && ip.Equals(IPAddress.IPv6Any));
}
