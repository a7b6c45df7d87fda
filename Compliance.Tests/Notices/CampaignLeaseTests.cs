using Compliance.Domain.Persistence;
using Compliance.Jobs.Notices;
using Compliance.Jobs.Scheduling;
using Compliance.Tests.Support;
using NodaTime;

namespace Compliance.Tests.Notices;

// One campaign, one sender at a time, whichever server it runs on: the job store may start the sender twice, so a
// lease row decides who sends. These tests race real senders and leases on both databases.
public sealed class CampaignLeaseTests
{
    private static Lease LeaseOf(DatabaseOptions db, IClock clock, string name, string holder, int seconds = 60) =>
        new(() => ComplianceDatabase.CreateContext(db), clock, name, holder, Duration.FromSeconds(seconds));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Of_eight_runs_racing_for_a_free_lease_exactly_one_takes_it_every_time(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        for (var round = 0; round < 10; round++)
        {
            var name = $"campaign:{Guid.NewGuid():N}";
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await LeaseOf(db, SystemClock.Instance, name, $"run-{i}").TryTakeAsync();
            })).ToList();
            start.Set();
            var taken = await Task.WhenAll(racers);
            Assert.Equal(1, taken.Count(t => t));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_holder_that_stalled_past_its_lease_loses_it_to_the_next_run_and_cannot_renew_it(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var then = FixedClock.At("2026-12-04T12:00:00Z");
        var later = FixedClock.At("2026-12-04T12:00:11Z");
        var stalled = LeaseOf(db, then, "campaign:x", "stalled", seconds: 10);
        var next = LeaseOf(db, later, "campaign:x", "next", seconds: 10);

        Assert.True(await stalled.TryTakeAsync());
        Assert.False(await LeaseOf(db, then, "campaign:x", "early", seconds: 10).TryTakeAsync());   // still held
        Assert.True(stalled.SafeToActAt(then.GetCurrentInstant()));
        Assert.False(stalled.SafeToActAt(later.GetCurrentInstant()));                                // it may not release a message now
        Assert.True(await next.TryTakeAsync());                                                      // expired: taken over
        Assert.True(next.SafeToActAt(later.GetCurrentInstant()));
        Assert.False(await stalled.RenewAsync());
        Assert.False(stalled.SafeToActAt(then.GetCurrentInstant()));                                 // a failed renewal is final
        Assert.False(await stalled.TryTakeAsync());
        Assert.True(await next.RenewAsync());

        await next.ReleaseAsync();
        Assert.True(await LeaseOf(db, then, "campaign:x", "after-release", seconds: 10).TryTakeAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_senders_started_together_on_one_campaign_send_each_notice_once(DatabaseProvider provider)
    {
        const int People = 600;
        var world = await CampaignWorld.CreateAsync(provider, CampaignWorld.People(People));
        using var sink = new SmtpSink();
        var campaignId = await world.ApprovedCampaignAsync();

        using var start = new ManualResetEventSlim();
        var senders = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await world.Sender(CampaignWorld.Transport(sink.Port)).RunAsync();
        })).ToList();
        start.Set();
        var passes = await Task.WhenAll(senders);

        Assert.Equal(People, passes.Sum(p => p.Sent));
        // The other found the campaign taken, or (when the first had already sent all 600 before it looked, as the
        // sender is now fast enough to) found nothing left to send: either way it sent nothing.
        Assert.Equal(1, passes.Count(p => p.Sent == 0));
        Assert.True(passes.Count(p => p.HeldElsewhere == 1) <= 1);
        var atServer = sink.Received().Where(m => m.MessageId.StartsWith("<notice.", StringComparison.Ordinal)).GroupBy(m => m.MessageId).ToList();
        Assert.Equal(People, atServer.Count);
        Assert.All(atServer, m => Assert.Single(m));
        Assert.Equal(People, (await world.StatesAsync(campaignId)).GetValueOrDefault(Compliance.Domain.Notices.RecipientState.Sent));
    }
}
