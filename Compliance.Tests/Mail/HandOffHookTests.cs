using Compliance.Jobs.Mail;
using Compliance.Tests.Support;

namespace Compliance.Tests.Mail;

// Exactly once for campaigns: MailKit sends a message's final "." only after the hand-off log recorded it.
public sealed class HandOffHookTests
{
    private sealed class Log(Func<int, CancellationToken, ValueTask> record) : IHandOffLog
    {
        public List<(int Index, MailOutcome Outcome)> Settlements { get; } = [];

        public ValueTask RecordAsync(int index, CancellationToken ct) => record(index, ct);

        public void Settled(int index, MailResult result)
        {
            lock (Settlements) Settlements.Add((index, result.Outcome));
        }
    }

    private sealed class Journal : IHandOffLog
    {
        public List<string> Events { get; } = [];

        public ValueTask RecordAsync(int index, CancellationToken ct)
        {
            lock (Events) Events.Add($"record {index}");
            return ValueTask.CompletedTask;
        }

        public void Settled(int index, MailResult result)
        {
            lock (Events) Events.Add($"{result.Outcome} {index}");
        }

        public void Withdrawn(int index)
        {
            lock (Events) Events.Add($"withdrawn {index}");
        }
    }

    [Fact]
    public async Task A_connection_settles_or_withdraws_each_record_before_it_asks_for_the_next()
    {
        // At most one unconfirmed message per connection after a crash: the record is asked for early, so a message
        // refused before its release must be withdrawn before the next one's record (which the log commits after it).
        using var refusing = new SmtpSink("4xx"); // turns DATA away: nothing is ever released
        var journal = new Journal();
        await using (var transport = Notices.Transport(refusing.Port, connections: 1))
            Assert.All(await transport.SendManyAsync(Notices.Many(3), journal), r => Assert.Equal(MailOutcome.RetryLater, r.Outcome));
        Assert.Equal(["record 0", "withdrawn 0", "RetryLater 0", "record 1", "withdrawn 1", "RetryLater 1", "record 2", "withdrawn 2", "RetryLater 2"],
            journal.Events);

        using var sink = new SmtpSink();
        journal = new Journal();
        await using (var transport = Notices.Transport(sink.Port, connections: 1))
            await transport.SendManyAsync(Notices.Many(3), journal);
        Assert.Equal(["record 0", "Sent 0", "record 1", "Sent 1", "record 2", "Sent 2"], journal.Events);
    }

    [Fact]
    public async Task A_hand_off_that_cannot_be_recorded_releases_nothing_and_the_message_is_RetryLater()
    {
        using var sink = new SmtpSink();
        var log = new Log((_, _) => throw new InvalidOperationException("the database is read-only"));
        await using var transport = Notices.Transport(sink.Port, connections: 1, configure: o => o with { MaxReconnects = 1 });

        var results = await transport.SendManyAsync(Notices.Many(3), log);

        Assert.Equal(MailOutcome.RetryLater, results[0].Outcome);
        Assert.StartsWith("not sent: the hand-off could not be recorded", results[0].Reply);
        Assert.Contains("the database is read-only", results[0].Reply);
        Assert.All(results, r => Assert.Equal(MailOutcome.RetryLater, r.Outcome));
        await sink.SettledAsync(); // the sink has taken in anything it was given
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task Only_the_message_whose_record_failed_is_held_back_and_the_others_arrive()
    {
        using var sink = new SmtpSink();
        var log = new Log((index, _) => index == 1 ? throw new IOException("disk full") : ValueTask.CompletedTask);
        await using var transport = Notices.Transport(sink.Port, connections: 1);
        var mails = Notices.Many(4);

        var results = await transport.SendManyAsync(mails, log);

        Assert.Equal([MailOutcome.Sent, MailOutcome.RetryLater, MailOutcome.Sent, MailOutcome.Sent], results.Select(r => r.Outcome));
        Assert.Equal(mails.Where((_, i) => i != 1).Select(m => m.MessageId).Order(), sink.Received().Select(m => m.MessageId).Order());
        Assert.Equal([0, 2, 3], log.Settlements.Where(s => s.Outcome == MailOutcome.Sent).Select(s => s.Index).Order());
    }

    [Fact]
    public async Task While_the_record_is_being_written_the_server_is_in_DATA_but_never_has_the_terminator()
    {
        await using var server = new TlsSmtpServer(); // records a message only when its final "." arrives
        var recording = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new Log(async (_, _) =>
        {
            recording.SetResult();
            await commit.Task;
        });
        await using var transport = Notices.Transport(server.Port, connections: 1);

        var sending = transport.SendManyAsync([Notices.Numbered(1)], log);
        await recording.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The envelope travels while the record is written: the server gets to DATA (and answers 354) before the commit.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!server.Commands.Contains("DATA"))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "DATA never reached the server while the record was written");
            await Task.Delay(10);
        }
        Assert.Empty(server.Messages);
        Assert.False(sending.IsCompleted);

        var committedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        commit.SetResult();
        var result = Assert.Single(await sending);

        Assert.Equal((MailOutcome.Sent, "250 2.0.0 queued"), (result.Outcome, result.Reply));
        // Whenever the terminator came, it came after the record was committed: no sleep decides this.
        Assert.True(Assert.Single(server.Messages).ArrivedAt > committedAt, "the server had the message before the record was committed");
    }

    [Fact]
    public async Task Each_message_is_recorded_once_before_its_release_even_when_the_server_announces_SIZE()
    {
        await using var server = new TlsSmtpServer(); // announces SIZE: MailKit writes each message once to measure it first
        var records = new int[20];
        var log = new Log((index, _) =>
        {
            Interlocked.Increment(ref records[index]);
            return ValueTask.CompletedTask;
        });
        await using var transport = Notices.Transport(server.Port, connections: 2);

        var results = await transport.SendManyAsync(Notices.Many(20), log);

        Assert.All(results, r => Assert.Equal(MailOutcome.Sent, r.Outcome));
        Assert.All(records, count => Assert.Equal(1, count));
        Assert.Equal(20, server.Messages.Count);
        Assert.Contains("SIZE=", server.MailCommands.First());
    }

    [Fact]
    public async Task The_message_sent_after_measuring_it_for_SIZE_is_the_message_measured_in_full()
    {
        // The body is encoded once, for the measuring pass, and those bytes are what goes out: the declared size must
        // match what arrives, with both alternatives and non-ASCII text intact.
        await using var server = new TlsSmtpServer();
        OutgoingMail[] mails =
        [
            Notices.Numbered(1),
            new("supporter2@example.org", "資料外洩通知", "親愛的陳大文：\n我們就資料外洩事件致函閣下。\n", null, "<c1.2@compliance.invalid>"),
        ];
        await using var transport = Notices.Transport(server.Port, connections: 1);

        var results = await transport.SendManyAsync(mails, new Log((_, _) => ValueTask.CompletedTask));

        Assert.All(results, r => Assert.Equal(MailOutcome.Sent, r.Outcome));
        var received = server.Messages.ToList();
        var declared = server.MailCommands.Select(c => long.Parse(c[(c.IndexOf("SIZE=", StringComparison.Ordinal) + 5)..].Split(' ')[0])).ToList();
        Assert.Equal(received.Select(m => (long)System.Text.Encoding.UTF8.GetByteCount(m.Content)), declared);
        using var first = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received[0].Content)));
        Assert.Equal("Dear supporter 1,\nwe write about the breach.\n", first.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("<p>Dear supporter 1,</p>", first.HtmlBody);
        using var second = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received[1].Content)));
        Assert.Equal("資料外洩通知", second.Subject);
        Assert.Equal("親愛的陳大文：\n我們就資料外洩事件致函閣下。\n", second.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_message_released_but_never_confirmed_is_unconfirmed_and_keeps_its_Message_ID_for_the_resend()
    {
        var mails = Notices.Many(3);
        IReadOnlyList<MailResult> results;
        using (var sink = new SinkProcess(["-M", "2"])) // exits after the second message, before confirming it
        {
            var log = new Log((_, _) => ValueTask.CompletedTask);
            await using var transport = Notices.Transport(sink.Port, connections: 1, configure: o => o with { MaxReconnects = 1 });
            results = await transport.SendManyAsync(mails, log);
        }
        Assert.Equal([MailOutcome.Sent, MailOutcome.RetryLater, MailOutcome.RetryLater], results.Select(r => r.Outcome));
        Assert.StartsWith("unconfirmed:", results[1].Reply);
        Assert.StartsWith("not sent:", results[2].Reply);

        // The resend of the unconfirmed message goes out under the same Message-ID, so a reader's client can fold duplicates.
        using var healthy = new SmtpSink();
        await using (var transport = Notices.Transport(healthy.Port))
            Assert.Equal(MailOutcome.Sent, (await transport.SendAsync(mails[1])).Outcome);
        Assert.Equal(mails[1].MessageId, Assert.Single(healthy.Received()).MessageId);
    }
}
