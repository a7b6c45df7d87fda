using System.Net;
using System.Net.Sockets;

namespace Compliance.Domain.Webhooks;

/// <summary>
/// Where the server may POST: HTTPS to a public address. An admin must not be able to make the server probe the
/// NGO's internal network, so loopback, private, link-local and other non-public addresses are refused, here for
/// addresses written in the URL and again at connect time for every address a name resolves to.
/// <c>Webhooks:AllowLoopback</c> (tests, a receiver on the same machine) lets plain HTTP to loopback through.
/// </summary>
public sealed record WebhookAddressRule(bool AllowLoopback)
{
    public static readonly WebhookAddressRule Strict = new(false);

    /// <summary>Why the URL cannot be used, or null.</summary>
    public string? Problem(string url)
    {
        if (url.Length > WebhookEndpoint.UrlLength) return $"must be at most {WebhookEndpoint.UrlLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
            return "must be an absolute https:// URL, such as https://hooks.example.org/breach-events.";
        if (uri.UserInfo.Length > 0) return "must not carry a user name or password; the signature authenticates each delivery.";
        if (uri.Fragment.Length > 0) return "must not have a #fragment.";
        var loopback = IsLoopbackName(uri.Host) || (IPAddress.TryParse(uri.IdnHost, out var literal) && IPAddress.IsLoopback(literal));
        if (loopback) return AllowLoopback ? null : "must not point at this server (loopback).";
        if (uri.Scheme != "https") return "must use https://: deliveries are signed, but their content must not travel in clear.";
        if (IPAddress.TryParse(uri.IdnHost, out var address))
            return IsForbidden(address) ? "must be a public address: private, link-local and reserved networks are refused." : null;
        if (!uri.IdnHost.Contains('.')) return "must name a public host (a fully qualified name), not a local one.";
        return null;
    }

    /// <summary>Whether a connection to this address is refused (checked for every address a host name resolves to).</summary>
    public bool Refuses(IPAddress address) => IPAddress.IsLoopback(address) ? !AllowLoopback : IsForbidden(address);

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>Not a public unicast address: loopback, private, carrier-grade NAT, link-local, unique-local, multicast, reserved.</summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,
                169 => b[1] == 254,
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,
                _ => false,
            };
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;
        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return true;
        var bytes = address.GetAddressBytes();
        return (bytes[0] & 0xFE) == 0xFC            // unique local fc00::/7
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8)   // documentation 2001:db8::/32
            || (bytes[0] == 0x00);                   // ::/8 (unspecified, IPv4-compatible, NAT64 well-known kept out)
    }
}
