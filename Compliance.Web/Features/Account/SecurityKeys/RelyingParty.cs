namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>
/// Who the passkeys are for: the site's name (the relying party id the authenticator binds each key to) and the one
/// origin a signature is accepted from. From <c>App:BaseUrl</c> when it is set and names a host; otherwise from the
/// request, for a laptop install reached as http://localhost:5080. An IP address cannot be a relying party id (browsers refuse
/// it), so on http://127.0.0.1 there are no passkeys.
/// </summary>
public sealed record RelyingParty(string Id, string Origin)
{
    public const string Name = "Breach notification tracker";

    public static RelyingParty? For(Uri? configured, HttpRequest request)
    {
        if (configured is { HostNameType: UriHostNameType.Dns })
            return new(configured.IdnHost, configured.GetLeftPart(UriPartial.Authority));
        var host = request.Host.Host;
        if (string.IsNullOrEmpty(host) || Uri.CheckHostName(host) != UriHostNameType.Dns) return null;
        return new(host, $"{request.Scheme}://{request.Host.Value}".ToLowerInvariant());
    }

    public const string Unavailable =
        "Passkeys need the site to be reached by name (for example http://localhost:5080 rather than http://127.0.0.1:5080), or App:BaseUrl set to its address.";
}
