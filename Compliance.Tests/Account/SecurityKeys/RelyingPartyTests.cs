using Microsoft.AspNetCore.Http;

namespace Compliance.Tests.Account.SecurityKeys;

// Whose keys these are: the site's name and the one origin a signature is accepted from.
public sealed class RelyingPartyTests
{
    private static HttpRequest Request(string scheme, string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = scheme;
        http.Request.Host = new HostString(host);
        return http.Request;
    }

    [Fact]
    public void The_configured_address_decides_whatever_host_the_request_names()
    {
        var rp = RelyingParty.For(new Uri("https://breach.example.org/"), Request("http", "evil.example:8080"));
        Assert.Equal(new RelyingParty("breach.example.org", "https://breach.example.org"), rp);
    }

    [Fact]
    public void A_configured_port_is_part_of_the_origin() =>
        Assert.Equal("https://breach.example.org:8443", RelyingParty.For(new Uri("https://breach.example.org:8443"), Request("http", "x"))!.Origin);

    [Fact]
    public void With_the_default_IP_address_configured_a_laptop_install_uses_the_name_it_was_reached_by()
    {
        var rp = RelyingParty.For(new Uri("http://127.0.0.1:5080"), Request("http", "localhost:5080"));
        Assert.Equal(new RelyingParty("localhost", "http://localhost:5080"), rp);
    }

    [Fact]
    public void Without_App_BaseUrl_the_request_names_it() =>
        Assert.Equal(new RelyingParty("breach.internal", "https://breach.internal"), RelyingParty.For(null, Request("https", "breach.internal")));

    [Fact]
    public void An_IP_address_cannot_name_a_relying_party() =>
        Assert.Null(RelyingParty.For(new Uri("http://127.0.0.1:5080"), Request("http", "127.0.0.1:5080")));
}
