using Compliance.Jobs.Hosting;

namespace Compliance.Tests.Foundation;

// Links in mails must reach the app: App:BaseUrl when set, else where it really listens, never a guessed port.
public sealed class PublicAddressTests
{
    [Fact]
    public void Without_a_configured_address_links_follow_the_listening_address_and_prefer_https()
    {
        var address = new PublicAddress(null);
        Assert.Equal("http://127.0.0.1:5080/Incidents/1", address.Link("/Incidents/1")); // nothing known yet: the default

        address.Listening(["http://127.0.0.1:8123", "https://127.0.0.1:8443"]);

        Assert.Equal("https://127.0.0.1:8443/Incidents/1#obligation-2", address.Link("/Incidents/1#obligation-2"));
    }

    [Theory]
    [InlineData("http://0.0.0.0:9000")]
    [InlineData("http://[::]:9000")]
    [InlineData("http://*:9000")]
    [InlineData("http://+:9000")]
    public void A_wildcard_listening_address_becomes_this_machines_name(string listening)
    {
        var address = new PublicAddress(null);
        address.Listening([listening]);
        Assert.Equal($"http://{System.Net.Dns.GetHostName().ToLowerInvariant()}:9000/", address.Current.AbsoluteUri);
    }

    [Fact]
    public void A_configured_address_wins_and_keeps_its_path()
    {
        var address = new PublicAddress(new Uri("https://ngo.example/breach/"));
        address.Listening(["http://127.0.0.1:8123"]);
        Assert.Equal("https://ngo.example/breach/Account/SetPassword?user=a", address.Link("/Account/SetPassword?user=a"));
    }
}
