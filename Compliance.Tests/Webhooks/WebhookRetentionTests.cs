using Compliance.Domain.Audit;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Webhooks;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Webhooks;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Compliance.Tests.Webhooks;

/// <summary>
/// Finished deliveries are kept <c>Webhooks:KeepDays</c> (90 by default) and then deleted with their attempts, each
/// organisation's count in its audit log; pending ones stay however old.
/// </summary>
public sealed class WebhookRetentionTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 9, 1, 3, 0);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deliveries_finished_longer_ago_than_the_keep_days_go_with_their_attempts_and_the_rest_stay(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var old = Now - Duration.FromDays(120);
        var recent = Now - Duration.FromDays(10);
        Guid rights, aid;
        Dictionary<string, Guid> ids;
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var (rw, rwEndpoint) = Organisation(db, "Rights Watch");
            var (ba, baEndpoint) = Organisation(db, "Beta Aid");
            (rights, aid) = (rw, ba);
            var deliveries = new Dictionary<string, WebhookDelivery>
            {
                ["delivered long ago"] = Delivery(db, rw, rwEndpoint, old, d => d.Delivered(old + Duration.FromSeconds(1))),
                ["given up long ago"] = Delivery(db, rw, rwEndpoint, old, d => d.GiveUp(old + Duration.FromDays(1))),
                ["other organisation's, long ago"] = Delivery(db, ba, baEndpoint, old, d => d.Delivered(old)),
                ["delivered recently"] = Delivery(db, rw, rwEndpoint, recent, d => d.Delivered(recent)),
                ["old, replayed and still pending"] = Delivery(db, rw, rwEndpoint, old, d => d.Replay(recent)),
                ["old, delivered again recently"] = Delivery(db, rw, rwEndpoint, old, d => d.Delivered(recent)),
            };
            await db.SaveChangesAsync();
            ids = deliveries.ToDictionary(d => d.Key, d => d.Value.Id);
        }

        var retention = new WebhookRetention(() => ComplianceDatabase.CreateContext(options), new FixedClock(Now), WebhookOptions.Default);
        Assert.Equal(3, await retention.RunAsync());
        Assert.Equal(0, await retention.RunAsync()); // the next day's run finds nothing more

        await using var read = ComplianceDatabase.CreateContext(options);
        var kept = await read.WebhookDeliveries.Select(d => d.Id).ToListAsync();
        Assert.Equal(["delivered recently", "old, replayed and still pending", "old, delivered again recently"],
            ids.Where(d => kept.Contains(d.Value)).Select(d => d.Key));
        Assert.Equal(3, await read.WebhookAttempts.CountAsync());   // one attempt each, of the kept ones only
        var lines = await read.AuditEntries.Where(e => e.Action == "webhook.deliveries-expired").ToListAsync();
        Assert.Contains("\"deliveries\":2,\"keepDays\":90", lines.Single(e => e.OrganisationId == rights).Data);
        Assert.Contains("\"deliveries\":1,\"keepDays\":90", lines.Single(e => e.OrganisationId == aid).Data);
        foreach (var organisation in new[] { rights, aid }) Assert.True((await new AuditLog(read, new FixedClock(Now)).VerifyAsync(organisation)).Intact);
    }

    [Fact]
    public void The_keep_days_are_at_least_30_so_a_duty_clock_event_is_never_raised_twice()
    {
        static WebhookOptions Read(string days) => WebhookOptions.Read(new ConfigurationBuilder().AddInMemoryCollection([new("Webhooks:KeepDays", days)]).Build());
        Assert.Equal(30, Read("30").KeepDays);
        Assert.Equal(90, WebhookOptions.Default.KeepDays);
        var refused = Assert.Throws<ConfigurationProblem>(() => Read("29"));
        Assert.Contains("Webhooks:KeepDays must be a whole number from 30 to 3650", refused.Message);
        // The longest window a clock event is raised in: a week overdue, and the longest "due soon".
        Assert.True(DutyClockEvents.OverdueLookback + Duration.FromHours(24 * 14) < Duration.FromDays(30));
    }

    private static (Guid Organisation, Guid Endpoint) Organisation(ComplianceDbContext db, string name)
    {
        var organisation = new Organisation(Guid.NewGuid(), name, "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
        db.Organisations.Add(organisation);
        var endpoint = new WebhookEndpoint(organisation.Id, "https://hooks.example.org/" + organisation.Id.ToString("N"), "", WebhookEvents.All, "protected", "admin@rw.example", Now);
        db.WebhookEndpoints.Add(endpoint);
        return (organisation.Id, endpoint.Id);
    }

    private static WebhookDelivery Delivery(ComplianceDbContext db, Guid organisation, Guid endpoint, Instant created, Action<WebhookDelivery> then)
    {
        var delivery = new WebhookDelivery(organisation, endpoint, Guid.NewGuid().ToString("N"), WebhookEvents.IncidentCreated, "{}", created);
        db.WebhookDeliveries.Add(delivery);
        db.WebhookAttempts.Add(new WebhookAttempt(delivery, 1, created, 200, "ok", Duration.FromMilliseconds(20), null));
        then(delivery);
        return delivery;
    }
}
