using System.Diagnostics;
using Compliance.Jobs.Notices;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Compliance.Tests.Notices;

// The worker executable sending a 10,000-person campaign to a real SMTP server, killed with SIGKILL part-way and
// started again. Nobody gets a second message, ever: a message released to the server is never sent again on its
// own. Everyone is "sent" in the database. The few released in the instant of the kill (at most one or two per
// connection) are marked unconfirmed; the operator looks their Message-IDs up in the server's log and resends the
// ones it does not have. Then every person has exactly one message at the server.
public sealed class CampaignCrashTests(ITestOutputHelper output)
{
    private const int People = 10_000;

    private static Process StartWorker(CampaignWorld world, SmtpSink sink, List<string> log) =>
        WorkerProcess.Start(world.Db, sink.Port, CampaignWorld.From, log,
            $"--DataProtection:KeysFolder={world.KeysFolder}", "--Mail:Smtp:Connections=4", "--Notices:MessagesPerSecond=100000");

    private static int Notices(SmtpSink sink) =>
        Directory.GetFiles(sink.Folder).Length; // the sink makes a file per transaction (reminders included): a cheap progress gauge

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Killed_mid_campaign_and_restarted_every_person_has_exactly_one_message_and_is_sent(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, CampaignWorld.People(People));
        using var sink = new SmtpSink();
        var campaignId = await world.ApprovedCampaignAsync();
        var log = new List<string>();

        using (var first = StartWorker(world, sink, log))
        {
            var watch = Stopwatch.StartNew();
            while (Notices(sink) < People / 4 && watch.Elapsed < TimeSpan.FromSeconds(90) && !first.HasExited) await Task.Delay(10);
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, connections cut
            await first.WaitForExitAsync();
            output.WriteLine($"first worker: {Notices(sink)} notices in {watch.Elapsed.TotalSeconds:0.0} s, then killed");
        }
        var atKill = await world.StatesAsync(campaignId);
        output.WriteLine($"at the kill: {string.Join(", ", atKill.Select(s => $"{s.Key} {s.Value}"))}");
        Assert.True(atKill.GetValueOrDefault(RecipientState.Queued) > 0, "the kill came after the campaign had finished: nothing was tested");

        using (var second = StartWorker(world, sink, log))
        {
            var watch = Stopwatch.StartNew();
            while (await StateAsync(world, campaignId) != CampaignState.Completed && watch.Elapsed < TimeSpan.FromSeconds(150)) await Task.Delay(250);
            output.WriteLine($"second worker: the campaign completed {watch.Elapsed.TotalSeconds:0.0} s after its start");
            // The run that completed it has let its lease go, so all it sent is answered: a duplicate would show now.
            Assert.True(await SweepWatch.ReleasedAsync(world.Db, CampaignSender.LeaseName(campaignId), TimeSpan.FromSeconds(30)), "the sender kept the campaign");
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
        lock (log) output.WriteLine(string.Join("\n", log.TakeLast(40)));

        Assert.Equal(CampaignState.Completed, await StateAsync(world, campaignId));
        Assert.Equal(People, (await world.StatesAsync(campaignId)).GetValueOrDefault(RecipientState.Sent));
        var atServer = NoticesAtServer(sink);
        Assert.Empty(atServer.Where(p => p.Value > 1).Select(p => p.Key).Take(5));    // nobody twice

        List<string> expected, unconfirmed;
        await using (var ctx = world.Open())
        {
            expected = await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId).Select(r => r.MessageId!).ToListAsync();
            unconfirmed = [.. (await world.Campaigns(ctx).Unconfirmed.GetAsync(CampaignWorld.Legal, new(world.Incident, campaignId))).Value!];
        }
        var missing = expected.Where(id => !atServer.ContainsKey(id)).ToList();
        output.WriteLine($"after the restart: {unconfirmed.Count} unconfirmed, of which {missing.Count} not at the server");
        Assert.Subset(unconfirmed.ToHashSet(), missing.ToHashSet());                 // a confirmed message is at the server
        Assert.InRange(unconfirmed.Count, 0, 8);                                     // only what was in flight (4 connections)

        // The operator's check: the server's log has some of them; resend the others, with the same Message-IDs.
        await using (var ctx = world.Open())
            Assert.Equal(missing.Count, (await world.Campaigns(ctx).Resend.HandleAsync(CampaignWorld.Legal, new(world.Incident, campaignId, missing))).Value);
        // The killed second worker may still hold the campaign's lease (it expires after 10 s in tests): the sender
        // that resends runs until it has the lease and the campaign is finished again.
        var resend = Stopwatch.StartNew();
        do await world.Sender(CampaignWorld.Transport(sink.Port)).RunAsync();
        while (await StateAsync(world, campaignId) != CampaignState.Completed && resend.Elapsed < TimeSpan.FromSeconds(60) && await Delay());

        atServer = NoticesAtServer(sink);
        Assert.Equal(People, atServer.Count);
        Assert.All(atServer, p => Assert.Equal(1, p.Value));
        Assert.Equal(People, (await world.StatesAsync(campaignId)).GetValueOrDefault(RecipientState.Sent));
        Assert.Equal(CampaignState.Completed, await StateAsync(world, campaignId));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(500);
        return true;
    }

    private static Dictionary<string, int> NoticesAtServer(SmtpSink sink) =>
        sink.Received().Where(m => m.MessageId.StartsWith("<notice.", StringComparison.Ordinal))
            .GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<CampaignState> StateAsync(CampaignWorld world, Guid campaignId)
    {
        await using var ctx = world.Open();
        return await ctx.Campaigns.Where(c => c.Id == campaignId).Select(c => c.State).SingleAsync();
    }

}
