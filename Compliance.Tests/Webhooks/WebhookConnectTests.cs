using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Webhooks;
using Compliance.Jobs.Webhooks;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compliance.Tests.Webhooks;

/// <summary>
/// The address rule holds again when the connection is opened: an endpoint whose address is (or has come to resolve
/// to) this machine or the private network is not called, the attempt says why, and the delivery waits to retry.
/// </summary>
public sealed class WebhookConnectTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-06-01T09:00:00Z");

    private sealed class PlainSecrets : IWebhookSecretProtector
    {
        public string Protect(string secret) => secret;
        public string Unprotect(string protectedSecret) => protectedSecret;
    }

    [Fact]
    public async Task A_receiver_on_loopback_is_not_called_when_loopback_is_not_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var delivery = await SeedAsync(options, receiver.Url);

        Assert.Equal(1, await SendAsync(options, WebhookAddressRule.Strict, delivery.Id));
        Assert.Empty(receiver.Requests);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var attempt = await db.WebhookAttempts.SingleAsync(a => a.DeliveryId == delivery.Id);
            Assert.Null(attempt.StatusCode);
            Assert.Contains("not public", attempt.Error);
            var after = await db.WebhookDeliveries.SingleAsync(d => d.Id == delivery.Id);
            Assert.True(after.IsPending);
            Assert.Equal(Clock.Now + WebhookDelivery.Backoff[0], after.NextAttemptAt);
        }

        // The same receiver, allowed: the next attempt reaches it.
        Assert.Equal(2, await SendAsync(options, new WebhookAddressRule(AllowLoopback: true), delivery.Id, attempt: 1));
        Assert.Single(receiver.Requests);
    }

    private static async Task<WebhookDelivery> SeedAsync(DatabaseOptions options, string url)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var organisation = new Organisation(Guid.NewGuid(), "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
        var endpoint = new WebhookEndpoint(organisation.Id, url, "", [WebhookEvents.IncidentCreated], WebhookSecret.New(), "admin@rw.example", Clock.Now);
        var delivery = new WebhookDelivery(organisation.Id, endpoint.Id, WebhookEventId.New(), WebhookEvents.IncidentCreated, "{}", Clock.Now);
        db.AddRange(organisation, endpoint, delivery);
        await db.SaveChangesAsync();
        return delivery;
    }

    private static async Task<int> SendAsync(DatabaseOptions options, WebhookAddressRule rule, Guid delivery, int attempt = 0)
    {
        await using var services = new ServiceCollection().AddWebhookHttpClient(WebhookOptions.Default, rule).BuildServiceProvider();
        var sender = new WebhookSender(() => ComplianceDatabase.CreateContext(options), services.GetRequiredService<IHttpClientFactory>(),
            new PlainSecrets(), Clock, NullLogger<WebhookSender>.Instance);
        return (await sender.SendAsync(delivery, attempt))!.Number;
    }
}
