using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Domain.Webhooks;
using Compliance.Jobs.Webhooks;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Compliance.Tests.Webhooks;

/// <summary>The parts that need no server: where the server may POST, the signature, and the backoff.</summary>
public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.org/breach", true)]
    [InlineData("https://203.0.114.7/hooks", true)]
    [InlineData("http://hooks.example.org/breach", false)]
    [InlineData("https://127.0.0.1:8443/hooks", false)]
    [InlineData("http://localhost:5000/hooks", false)]
    [InlineData("https://[::1]/hooks", false)]
    [InlineData("https://10.1.2.3/hooks", false)]
    [InlineData("https://172.20.0.1/hooks", false)]
    [InlineData("https://100.64.0.1/hooks", false)]
    [InlineData("https://[fe80::1]/hooks", false)]
    [InlineData("https://[::ffff:192.168.0.1]/hooks", false)]
    [InlineData("https://user:pass@hooks.example.org/", false)]
    [InlineData("ftp://hooks.example.org/", false)]
    public void Only_public_https_receivers_are_accepted_by_default(string url, bool accepted) =>
        Assert.Equal(accepted, WebhookAddressRule.Strict.Problem(url) is null);

    [Fact]
    public void The_loopback_option_lets_a_local_receiver_through_but_not_the_private_network()
    {
        var rule = new WebhookAddressRule(AllowLoopback: true);
        Assert.Null(rule.Problem("http://127.0.0.1:5000/hooks"));
        Assert.NotNull(rule.Problem("https://10.1.2.3/hooks"));
        Assert.NotNull(rule.Problem("http://hooks.example.org/breach"));
        Assert.False(rule.Refuses(IPAddress.Loopback));
        Assert.True(rule.Refuses(IPAddress.Parse("192.168.1.1")));
        Assert.True(WebhookAddressRule.Strict.Refuses(IPAddress.Loopback));
        Assert.False(WebhookAddressRule.Strict.Refuses(IPAddress.Parse("93.184.215.14")));
    }

    [Fact]
    public void Webhook_options_default_to_public_receivers_and_a_bad_value_names_its_key()
    {
        var none = new ConfigurationBuilder().Build();
        Assert.Equal(WebhookOptions.Default, WebhookOptions.Read(none));
        Assert.False(WebhookOptions.Default.AllowLoopback);
        Assert.Equal(10, WebhookOptions.Default.TimeoutSeconds);
        var bad = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:TimeoutSeconds"] = "600" }).Build();
        Assert.Contains("Webhooks:TimeoutSeconds", Assert.Throws<ConfigurationProblem>(() => { WebhookOptions.Read(bad); }).Message);
    }

    [Fact]
    public void The_signature_is_the_standard_webhooks_one()
    {
        // The example of the Standard Webhooks specification.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string body = """{"test": 2432232314}""";
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body));
        Assert.True(WebhookSignature.Verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, "v1,bm9ldHUjKzFob2VudXRob2VodWUzMjRvdWVvdW9ldQo= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        Assert.False(WebhookSignature.Verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, body, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [Fact]
    public void Failed_attempts_wait_one_five_thirty_minutes_two_six_twelve_hours_then_give_up()
    {
        var at = Instant.FromUtc(2026, 3, 29, 0, 30);
        var delivery = new WebhookDelivery(Guid.NewGuid(), Guid.NewGuid(), WebhookEventId.New(), WebhookEvents.IncidentCreated, "{}", at);
        var waits = new List<Duration>();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            typeof(WebhookDelivery).GetProperty(nameof(WebhookDelivery.Attempts))!.SetValue(delivery, attempt);
            delivery.Failed(at);
            if (delivery.NextAttemptAt is { } next) waits.Add(next - at);
        }
        Assert.Equal([Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromMinutes(30), Duration.FromHours(2), Duration.FromHours(6), Duration.FromHours(12)], waits);
        Assert.Equal(at, delivery.GivenUpAt);
        Assert.False(delivery.IsPending);
    }
}
