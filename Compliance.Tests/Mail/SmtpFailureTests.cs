using Compliance.Jobs.Mail;
using Compliance.Tests.Support;

namespace Compliance.Tests.Mail;

// Refusals and lost connections through MailKit: each message gets the outcome the send log needs, and nothing is lost or doubled.
public sealed class SmtpFailureTests
{
    [Fact]
    public async Task A_4xx_reply_is_RetryLater_with_the_servers_words()
    {
        using var sink = new SmtpSink("4xx");
        await using var transport = Notices.Transport(sink.Port);

        var results = await transport.SendManyAsync(Notices.Many(3));

        Assert.All(results, r => Assert.Equal((MailOutcome.RetryLater, "450 4.3.0 Error: command failed"), (r.Outcome, r.Reply)));
    }

    [Fact]
    public async Task A_5xx_reply_is_Failed_with_the_servers_words()
    {
        using var sink = new SmtpSink("5xx");
        await using var transport = Notices.Transport(sink.Port);

        var results = await transport.SendManyAsync(Notices.Many(3));

        Assert.All(results, r => Assert.Equal((MailOutcome.Failed, "500 5.3.0 Error: command failed"), (r.Outcome, r.Reply)));
    }

    [Fact]
    public async Task A_refused_recipient_is_Failed_and_the_connection_goes_on_after_RSET()
    {
        using var sink = new SinkProcess(["-f", "rcpt"]); // every RCPT gets a 5xx
        await using var transport = Notices.Transport(sink.Port, connections: 1);

        var results = await transport.SendManyAsync(Notices.Many(4));

        // Four verdicts on one connection: after each refusal the session was reset, not dropped.
        Assert.All(results, r => Assert.Equal((MailOutcome.Failed, "500 5.3.0 Error: command failed"), (r.Outcome, r.Reply)));
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task A_connection_dropped_before_the_body_is_RetryLater_and_the_retry_delivers_each_message_once()
    {
        var mails = Notices.Many(6);
        using (var dropping = new SinkProcess(["-q", "data"])) // hangs up, without a reply, on every DATA
        {
            await using var transport = Notices.Transport(dropping.Port);
            var results = await transport.SendManyAsync(mails);
            Assert.All(results, r => Assert.Equal(MailOutcome.RetryLater, r.Outcome));
            Assert.All(results, r => Assert.StartsWith("not sent:", r.Reply));
            Assert.Empty(dropping.Messages());
        }

        using var healthy = new SmtpSink();
        await using (var transport = Notices.Transport(healthy.Port))
            Assert.All(await transport.SendManyAsync(mails), r => Assert.Equal(MailOutcome.Sent, r.Outcome));
        var ids = healthy.Received().Select(m => m.MessageId).ToList();
        Assert.Equal(mails.Select(m => m.MessageId).Order(), ids.Order());
    }

    [Fact]
    public async Task A_server_killed_mid_batch_leaves_the_rest_RetryLater_and_the_next_batch_sends_each_missing_message_once()
    {
        var mails = Notices.Many(8);
        var port = SinkProcess.FreePort();
        await using var transport = Notices.Transport(port, connections: 2);
        IReadOnlyList<MailResult> first;
        HashSet<string> arrived;
        // -W data:1 waits a second before each DATA reply, so the kill lands while a message waits for its 354,
        // before its content is sent. -p keeps smtp-sink from holding the previous message's 250 back.
        using (var slow = new SinkProcess(["-p", "-W", "data:1"], port))
        {
            var sending = transport.SendManyAsync(mails);
            await WaitForAsync(() => slow.Messages().Count >= 2);
            await Task.Delay(300);
            slow.Kill();
            first = await sending;

            // What the transport calls Sent is exactly what the server has; the rest never left and is RetryLater.
            arrived = slow.Messages().Select(m => m.MessageId).ToHashSet();
            Assert.Equal(arrived, mails.Where((_, i) => first[i].Outcome == MailOutcome.Sent).Select(m => m.MessageId).ToHashSet());
            Assert.InRange(arrived.Count, 2, 7);
            Assert.All(first.Where(r => r.Outcome != MailOutcome.Sent), r => Assert.Equal(MailOutcome.RetryLater, r.Outcome));
            Assert.All(first.Where(r => r.Outcome != MailOutcome.Sent), r => Assert.StartsWith("not sent:", r.Reply));
        }

        // The server comes back on the same port: the same transport reconnects and sends what was left.
        using var restarted = new SinkProcess([], port);
        var retry = mails.Where((_, i) => first[i].Outcome == MailOutcome.RetryLater).ToList();
        Assert.All(await transport.SendManyAsync(retry), r => Assert.Equal(MailOutcome.Sent, r.Outcome));

        var all = arrived.Concat(restarted.Messages().Select(m => m.MessageId)).ToList();
        Assert.Equal(mails.Select(m => m.MessageId).Order(), all.Order());
    }

    [Fact]
    public async Task A_message_the_server_took_but_never_confirmed_is_RetryLater_marked_unconfirmed_and_the_rest_not_sent()
    {
        var mails = Notices.Many(6);
        IReadOnlyList<MailResult> results;
        using (var sink = new SinkProcess(["-M", "3"])) // exits after the third message, before confirming it
        {
            await using var transport = Notices.Transport(sink.Port, connections: 1, configure: o => o with { MaxReconnects = 1 });
            results = await transport.SendManyAsync(mails);
            Assert.Equal(mails.Take(3).Select(m => m.MessageId).Order(), sink.Messages().Select(m => m.MessageId).Order());
        }

        Assert.Equal([MailOutcome.Sent, MailOutcome.Sent], results.Take(2).Select(r => r.Outcome));
        Assert.Equal(MailOutcome.RetryLater, results[2].Outcome);
        Assert.StartsWith("unconfirmed:", results[2].Reply);
        Assert.All(results.Skip(3), r => Assert.Equal(MailOutcome.RetryLater, r.Outcome));
        Assert.All(results.Skip(3), r => Assert.StartsWith("not sent:", r.Reply));
    }

    [Fact]
    public async Task Pooled_connections_that_died_while_idle_are_replaced_without_losing_a_message()
    {
        var port = SinkProcess.FreePort();
        await using var transport = Notices.Transport(port, connections: 3);
        using (var first = new SinkProcess([], port))
        {
            Assert.All(await transport.SendManyAsync(Notices.Many(10, "a")), r => Assert.Equal(MailOutcome.Sent, r.Outcome));
            first.Kill();
        }
        using var second = new SinkProcess([], port);

        var results = await transport.SendManyAsync(Notices.Many(10, "b"));

        Assert.All(results, r => Assert.Equal(MailOutcome.Sent, r.Outcome));
        Assert.Equal(Notices.Many(10, "b").Select(m => m.MessageId).Order(), second.Messages().Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task No_server_at_all_is_RetryLater_for_every_message_without_throwing()
    {
        await using var transport = Notices.Transport(SinkProcess.FreePort());

        var results = await transport.SendManyAsync(Notices.Many(5));

        Assert.All(results, r => Assert.Equal(MailOutcome.RetryLater, r.Outcome));
        Assert.All(results, r => Assert.Contains("cannot connect", r.Reply));
    }

    [Fact]
    public async Task Cancelling_returns_every_result_instead_of_throwing_and_marks_the_unsent_RetryLater()
    {
        using var sink = new SinkProcess(["-W", "data:1"]); // a slow server: the cancel comes while DATA waits
        await using var transport = Notices.Transport(sink.Port);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var results = await transport.SendManyAsync(Notices.Many(5), cancel.Token);

        Assert.All(results, r => Assert.Equal((MailOutcome.RetryLater, "not sent: cancelled"), (r.Outcome, r.Reply)));
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task A_malformed_message_is_Failed_on_its_own_and_the_others_go()
    {
        using var sink = new SmtpSink();
        await using var transport = Notices.Transport(sink.Port);

        var results = await transport.SendManyAsync([
            Notices.Numbered(1),
            Notices.Numbered(2) with { To = "not an address" },
            Notices.Numbered(3) with { Headers = new Dictionary<string, string> { ["Bad Name"] = "x" } },
            Notices.Numbered(4) with { Headers = new Dictionary<string, string> { ["Message-ID"] = "<other@x>" } },
            Notices.Numbered(5),
        ]);

        Assert.Equal([MailOutcome.Sent, MailOutcome.Failed, MailOutcome.Failed, MailOutcome.Failed, MailOutcome.Sent], results.Select(r => r.Outcome));
        Assert.All(results.Where(r => r.Outcome == MailOutcome.Failed), r => Assert.StartsWith("not sent:", r.Reply));
        Assert.Equal(2, sink.Messages().Count);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), "timed out waiting");
    }
}
