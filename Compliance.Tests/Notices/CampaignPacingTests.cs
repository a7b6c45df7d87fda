using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Notices;

// How fast a campaign goes: as fast as the server lets it (try later), the daily limit, and the rate per second, this
// last on a fake clock.
public sealed class CampaignPacingTests
{
    [Fact]
    public async Task A_server_that_says_try_later_pauses_the_campaign_and_each_message_waits_its_backoff()
    {
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Sqlite, CampaignWorld.People(6));
        using var sink = new SmtpSink("4xx");
        await using var transport = CampaignWorld.Transport(sink.Port);
        var campaignId = await world.ApprovedCampaignAsync();

        var pass = await world.Sender(transport).RunAsync();

        Assert.Equal(6, pass.RetryLater);
        Assert.Equal(6, (await world.StatesAsync(campaignId))[RecipientState.RetryLater]);
        await using var ctx = world.Open();
        var campaign = await ctx.Campaigns.SingleAsync(c => c.Id == campaignId);
        Assert.Equal(CampaignState.Sending, campaign.State);
        Assert.NotNull(campaign.ResumeAt);
        Assert.StartsWith("The mail server turned away 6 of 6 messages for now (4", campaign.StatusNote);
        var row = await ctx.CampaignRecipients.FirstAsync(r => r.CampaignId == campaignId);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.HandedAt); // refused at DATA: never released
        Assert.True(row.NextAttemptAt > world.Clock.GetCurrentInstant());
        // Paused: an immediate second run leaves it alone.
        Assert.Equal(0, (await world.Sender(transport).RunAsync()).RetryLater);
    }

    [Fact]
    public async Task The_daily_limit_stops_sending_until_a_day_after_the_first_message()
    {
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Sqlite, CampaignWorld.People(5));
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);
        var campaignId = await world.ApprovedCampaignAsync();

        var pass = await world.Sender(transport, new CampaignOptions(0, 3)).RunAsync();

        Assert.Equal(3, pass.Sent);
        Assert.Equal(3, sink.Received().Count);
        await using var ctx = world.Open();
        var campaign = await ctx.Campaigns.SingleAsync(c => c.Id == campaignId);
        Assert.StartsWith("The daily limit of 3 messages is reached", campaign.StatusNote);
        var first = await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId).MinAsync(r => r.HandedAt);
        Assert.Equal(first!.Value + Duration.FromDays(1), campaign.ResumeAt);
        Assert.Equal(2, (await world.StatesAsync(campaignId))[RecipientState.Queued]);
    }

    [Fact]
    public async Task The_rate_limit_spreads_messages_over_time()
    {
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Sqlite, CampaignWorld.People(12));
        using var sink = new SmtpSink();
        await using var smtp = CampaignWorld.Transport(sink.Port);
        await world.ApprovedCampaignAsync();
        var time = new SteppedTime();
        var transport = new ChunkTimes(smtp, time);

        var pass = await time.RunAsync(() => world.Sender(transport, new CampaignOptions(5, 0), time).RunAsync());

        // Chunks of 5 a second: the second chunk starts a second after the first, the third two seconds after.
        Assert.Equal(12, pass.Sent);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], transport.Starts);
        Assert.Equal(12, sink.Received().Count);
    }

    /// <summary>When each chunk reached the transport, on the fake clock.</summary>
    private sealed class ChunkTimes(IBulkMailTransport inner, SteppedTime time) : IBulkMailTransport
    {
        public List<TimeSpan> Starts { get; } = [];

        public Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
        {
            Starts.Add(time.Elapsed);
            return inner.SendManyAsync(mails, handOff, ct);
        }
    }
}
