using System.Text;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Jobs.Notices;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Notices;

// Campaigns sent for real: Postfix's smtp-sink on loopback, the MailKit transport, SQLite and PostgreSQL.
public sealed class CampaignSendingTests
{
    internal const string HongKongSupporters = """
        Name,Email,Country,Language
        陳大文,tai.man.chan@example.hk,HK,zh-Hant
        Lee Wai Ling,wl.lee@example.hk,HK,en
        Activist A,a.activist@example.hk,HK,zh-Hant
        Ng Ka Yan,,HK,zh-Hant
        "=HYPERLINK(""http://evil.example"",""click"")",formula@example.hk,HK,en
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_supporter_gets_one_notice_in_their_language_and_the_flagged_activist_gets_none(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, HongKongSupporters);
        await world.FlagAsync("Activist A", new(true, null, null));
        await world.FlagAsync("Lee Wai Ling", new(false, null, "supporter database"));
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);

        Guid campaignId;
        await using (var ctx = world.Open())
        {
            var campaigns = world.Campaigns(ctx);
            var audience = (await campaigns.Audience.GetAsync(CampaignWorld.Legal, world.Incident)).Value!;
            Assert.Equal(3, audience.Sum(a => a.People)); // not the activist, not Ng Ka Yan (no email)
            var prepared = await campaigns.Prepare.HandleAsync(CampaignWorld.Legal, new(world.Incident, "Hong Kong supporters", ["HK"], []));
            Assert.True(prepared.IsOk);
            campaignId = prepared.Value!.Id;
            var self = await campaigns.Approve.HandleAsync(CampaignWorld.Legal, new(world.Incident, campaignId));
            Assert.Equal(OutcomeStatus.Invalid, self.Status);
            Assert.Contains("someone else must approve", self.Errors["approver"][0]);
            Assert.Empty(sink.Messages());
            Assert.True((await campaigns.Approve.HandleAsync(CampaignWorld.Lead, new(world.Incident, campaignId))).IsOk);
        }

        var pass = await world.Sender(transport).RunAsync();
        Assert.Equal(3, pass.Sent);

        var received = sink.Received();
        Assert.Equal(3, received.Count);
        Assert.DoesNotContain(received, m => m.Header("To")!.Contains("a.activist"));
        var chinese = received.Single(m => m.Header("To")!.Contains("tai.man.chan"));
        Assert.Equal("zh-Hant", chinese.Header("Content-Language"));
        Assert.Contains("陳大文", chinese.Parts[0].Body);
        Assert.Contains("陳大文", chinese.Parts[1].Body);
        Assert.Equal("utf-8", chinese.Parts[0].Charset.ToLowerInvariant());
        var redacted = received.Single(m => m.Header("To")!.Contains("wl.lee"));
        Assert.DoesNotContain("supporter database", redacted.Parts[0].Body);
        Assert.Contains("[withheld]", redacted.Parts[0].Body);

        await using (var ctx = world.Open())
        {
            var rows = await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId).ToListAsync();
            Assert.All(rows, r =>
            {
                Assert.Equal(RecipientState.Sent, r.State);
                Assert.True(r.Confirmed);
                Assert.StartsWith("250", r.ServerReply);
                Assert.NotNull(r.HandedAt);
                Assert.Contains(received, m => m.MessageId == r.MessageId);
            });
            Assert.Equal(["default/en", "default/en", "default/zh-Hant"], rows.Select(r => r.Template!).Order());
            var campaign = await ctx.Campaigns.SingleAsync(c => c.Id == campaignId);
            Assert.Equal(CampaignState.Completed, campaign.State);
            var actions = await ctx.AuditEntries.Where(e => e.Action.StartsWith("campaign.")).Select(e => e.Action).ToListAsync();
            Assert.Equal(["campaign.approved", "campaign.completed", "campaign.prepared"], actions.Order());
        }

        // Exactly once: another run sends nothing, and nobody can be put in a second campaign.
        Assert.Equal(0, (await world.Sender(transport).RunAsync()).Sent);
        Assert.Equal(3, sink.Received().Count);
        await using (var ctx = world.Open())
        {
            var again = await world.Campaigns(ctx).Prepare.HandleAsync(CampaignWorld.Legal, new(world.Incident, null, [], []));
            Assert.Equal(OutcomeStatus.Invalid, again.Status);
            Assert.Contains("people", again.Errors.Keys);
        }

        // The proof: one row per recipient, the formula in a name neutralised, the PDF with the counts and the hash.
        using var csv = new MemoryStream();
        await using (var ctx = world.Open())
        {
            var summary = await world.Campaigns(ctx).ProofCsv.HandleAsync(CampaignWorld.Legal, new(world.Incident, campaignId), csv);
            Assert.True(summary.IsOk);
        }
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", CampaignProofCsv.Columns), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("陳大文") && l.Contains(",sent,yes,"));
        var formula = lines.Single(l => l.Contains("HYPERLINK"));
        Assert.Contains(",\"'=HYPERLINK(", formula);
        Assert.DoesNotContain(",=HYPERLINK", formula);
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_with_the_server_reply()
    {
        var world = await CampaignWorld.CreateAsync(DatabaseProvider.Sqlite, CampaignWorld.People(2));
        using var sink = new SmtpSink("5xx");
        await using var transport = CampaignWorld.Transport(sink.Port);
        var campaignId = await world.ApprovedCampaignAsync();

        Assert.Equal(2, (await world.Sender(transport).RunAsync()).Failed);

        await using var ctx = world.Open();
        Assert.All(await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId).ToListAsync(), r =>
        {
            Assert.Equal(RecipientState.Failed, r.State);
            Assert.StartsWith("5", r.ServerReply);
        });
        Assert.Equal(CampaignState.Completed, (await ctx.Campaigns.SingleAsync(c => c.Id == campaignId)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task After_a_crash_unreleased_messages_are_sent_and_released_ones_are_not_sent_again(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, CampaignWorld.People(3));
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);
        var campaignId = await world.ApprovedCampaignAsync();
        var people = await PeopleOfAsync(world, campaignId);
        var released = world.Clock.GetCurrentInstant();
        // What a crash leaves: two claimed, one of them recorded as released to the server.
        await using (var ctx = world.Open())
        {
            foreach (var r in await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.PersonId != people[2]).ToListAsync())
            {
                r.State = RecipientState.Sending;
                r.Attempts = 1;
                r.HandedAt = r.PersonId == people[0] ? released : null;
                r.MessageId = world.Sender(transport).MessageId(campaignId, r.PersonId);
            }
            await ctx.SaveChangesAsync();
        }

        var pass = await world.Sender(transport).RunAsync();

        Assert.Equal(1, pass.Requeued);
        Assert.Equal(2, pass.Sent);
        var received = sink.Received();
        Assert.Equal(2, received.Count);
        await using (var ctx = world.Open())
        {
            var first = await ctx.CampaignRecipients.SingleAsync(r => r.CampaignId == campaignId && r.PersonId == people[0]);
            Assert.Equal((RecipientState.Sent, false), (first.State, first.Confirmed));
            Assert.Equal(CampaignSender.UnconfirmedReply, first.ServerReply);
            Assert.DoesNotContain(received, m => m.MessageId == first.MessageId);
            var second = await ctx.CampaignRecipients.SingleAsync(r => r.CampaignId == campaignId && r.PersonId == people[1]);
            Assert.Equal((RecipientState.Sent, true, 1), (second.State, second.Confirmed, second.Attempts));
        }

        // Someone checked the server's log and did not find it: resend, with the same Message-ID.
        await using (var ctx = world.Open())
            Assert.Equal(1, (await world.Campaigns(ctx).Resend.HandleAsync(CampaignWorld.Legal, new(world.Incident, campaignId))).Value);
        Assert.Equal(1, (await world.Sender(transport).RunAsync()).Sent);
        await using (var ctx = world.Open())
        {
            var first = await ctx.CampaignRecipients.SingleAsync(r => r.CampaignId == campaignId && r.PersonId == people[0]);
            Assert.Equal((RecipientState.Sent, true), (first.State, first.Confirmed));
            Assert.Single(sink.Received(), m => m.MessageId == first.MessageId);
            Assert.Equal(CampaignState.Completed, (await ctx.Campaigns.SingleAsync(c => c.Id == campaignId)).State);
        }
    }

    private static async Task<List<Guid>> PeopleOfAsync(CampaignWorld world, Guid campaignId)
    {
        await using var ctx = world.Open();
        return (await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId).Select(r => r.PersonId).ToListAsync()).Order().ToList();
    }

    private sealed class RefusingLog : IHandOffLog
    {
        public ValueTask RecordAsync(int index, CancellationToken ct) => throw new InvalidOperationException("the database is gone");
    }

    [Fact]
    public async Task A_message_whose_hand_off_cannot_be_recorded_never_reaches_the_server()
    {
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port, connections: 2);
        var mails = Enumerable.Range(0, 4).Select(i => new OutgoingMail($"p{i}@example.hk", "Notice", "Body", null, $"<n{i}@test>")).ToList();

        var results = await transport.SendManyAsync(mails, new RefusingLog());

        Assert.All(results, r =>
        {
            Assert.Equal(MailOutcome.RetryLater, r.Outcome);
            Assert.Contains("hand-off could not be recorded", r.Reply);
        });
        await sink.SettledAsync(); // the sink has taken in all the dropped connections gave it
        Assert.Empty(sink.Received());
    }
}
