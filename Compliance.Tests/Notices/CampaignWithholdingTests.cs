using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Notices;

// People flagged after the campaign was prepared are withheld, whenever the flag comes: smtp-sink on loopback, SQLite.
public sealed class CampaignWithholdingTests
{
    private const string HongKongSupporters = CampaignSendingTests.HongKongSupporters;

    [Fact]
    public async Task A_flag_set_after_approval_withholds_the_email()
    {
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Sqlite, HongKongSupporters);
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);
        var campaign = await world.ApprovedCampaignAsync();
        await world.FlagAsync("Activist A", new(false, "Trusted lawyer, +852 5555 0101", null));

        var pass = await world.Sender(transport).RunAsync();

        Assert.Equal(1, pass.Withheld);
        Assert.DoesNotContain(sink.Received(), m => m.Header("To")!.Contains("a.activist"));
        Assert.Equal(1, (await world.StatesAsync(campaign))[RecipientState.Withheld]);
    }

    [Fact]
    public async Task A_flag_set_between_two_chunks_withholds_the_email()
    {
        // Chunks of 5 (5 a second): a notice rendered before the flag (ahead of its chunk, say) must not go out.
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Sqlite, CampaignWorld.People(12));
        using var sink = new SmtpSink();
        await using var smtp = CampaignWorld.Transport(sink.Port);
        var campaign = await world.ApprovedCampaignAsync();
        string? flagged = null;
        var transport = new AfterFirstBatch(smtp, async () =>
        {
            // The first person of the next chunk (chunks go in key order), flagged as the first chunk's last message is confirmed.
            await using var ctx = world.Open();
            var next = await ctx.CampaignRecipients.Where(r => r.CampaignId == campaign && r.State == RecipientState.Queued)
                .OrderBy(r => r.PersonId).Select(r => r.PersonId).FirstAsync();
            var register = world.Register(ctx);
            flagged = (await register.PersonAsync(CampaignWorld.Legal, world.Incident, next, "test")).Value!.Details.Email;
            Assert.True((await world.SetFlags(ctx).HandleAsync(CampaignWorld.Legal, new(world.Incident, next, true, null, null))).IsOk);
        });

        var time = new SteppedTime(); // chunks of 5 a second, without waiting on the real clock
        var pass = await time.RunAsync(() => world.Sender(transport, new CampaignOptions(5, 0), time).RunAsync());

        Assert.Equal((11, 1), (pass.Sent, pass.Withheld));
        Assert.NotNull(flagged);
        Assert.DoesNotContain(sink.Received(), m => m.Header("To")!.Contains(flagged));
        Assert.Equal(1, (await world.StatesAsync(campaign))[RecipientState.Withheld]);
    }

    private sealed class AfterFirstBatch(IBulkMailTransport inner, Func<Task> then) : IBulkMailTransport
    {
        private int batches;

        public async Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
        {
            var results = await inner.SendManyAsync(mails, handOff, ct);
            if (++batches == 1) await then();
            return results;
        }
    }
}
