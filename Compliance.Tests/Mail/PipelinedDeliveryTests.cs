using Compliance.Jobs.Mail;
using Compliance.Tests.Support;

namespace Compliance.Tests.Mail;

// What arrives at a real SMTP server (Postfix's smtp-sink) is what was sent, read back with a separate MIME parser.
public sealed class PipelinedDeliveryTests
{
    [Fact]
    public async Task A_notice_arrives_with_its_headers_and_both_parts_decoding_to_the_input()
    {
        using var sink = new SmtpSink();
        var mail = new OutgoingMail("chan.tai.man@example.hk", "Notice of a data breach", "Dear supporter,\nyour record was exposed.\n",
            "<p>Dear supporter,</p>\n<p>your record was exposed.</p>", "<notice.1@compliance.invalid>",
            new Dictionary<string, string> { ["X-Campaign"] = "hk-2026-03", ["Auto-Submitted"] = "auto-generated" });

        await using (var transport = Notices.Transport(sink.Port))
        {
            var result = await transport.SendAsync(mail);
            Assert.Equal(MailOutcome.Sent, result.Outcome);
            Assert.StartsWith("250", result.Reply);
        }

        var dump = Assert.Single(sink.Messages());
        Assert.Contains("X-Mail-Args: <notices@haki.example>", dump);
        Assert.Contains("X-Rcpt-Args: <chan.tai.man@example.hk>", dump);
        var received = ReceivedMessage.Parse(dump);
        Assert.Equal("Haki Network <notices@haki.example>", received.Header("From"));
        Assert.Equal("chan.tai.man@example.hk", received.Header("To"));
        Assert.Equal("Notice of a data breach", received.Header("Subject"));
        Assert.Equal("Fri, 06 Mar 2026 09:15:30 +0000", received.Header("Date"));
        Assert.Equal("<notice.1@compliance.invalid>", received.MessageId);
        Assert.Equal("1.0", received.Header("MIME-Version"));
        Assert.Equal("hk-2026-03", received.Header("X-Campaign"));
        Assert.Equal("auto-generated", received.Header("Auto-Submitted"));
        Assert.StartsWith("multipart/alternative;", received.Header("Content-Type"));
        Assert.Collection(received.Parts,
            text => Assert.Equal(("text/plain", "utf-8", "quoted-printable", mail.Text), (text.ContentType, text.Charset, text.TransferEncoding, text.Body)),
            html => Assert.Equal(("text/html", "utf-8", "quoted-printable", mail.Html), (html.ContentType, html.Charset, html.TransferEncoding, html.Body)));
    }

    [Fact]
    public async Task Chinese_and_Arabic_subjects_and_bodies_survive_the_trip()
    {
        using var sink = new SmtpSink();
        var chinese = new OutgoingMail("chan@example.hk", Notices.ChineseSubject, Notices.ChineseText, $"<p>{Notices.ChineseText}</p>", "<zh@compliance.invalid>",
            new Dictionary<string, string> { ["X-Recipient-Name"] = "陳大文" });
        var arabic = new OutgoingMail("ahmad@example.eg", Notices.ArabicSubject, "عزيزي أحمد،\nاكتشفنا وصولاً غير مصرح به.", Notices.ArabicHtml, "<ar@compliance.invalid>");

        await using (var transport = Notices.Transport(sink.Port))
            Assert.All(await transport.SendManyAsync([chinese, arabic]), r => Assert.Equal(MailOutcome.Sent, r.Outcome));

        var received = sink.Received().ToDictionary(m => m.MessageId);
        foreach (var sent in new[] { chinese, arabic })
        {
            var got = received[sent.MessageId];
            Assert.Equal(sent.Subject, got.Header("Subject"));
            Assert.Equal(sent.Text, got.Parts[0].Body);
            Assert.Equal(sent.Html, got.Parts[1].Body);
        }
        Assert.Equal("陳大文", received["<zh@compliance.invalid>"].Header("X-Recipient-Name"));
        Assert.Contains("dir=\"rtl\"", received["<ar@compliance.invalid>"].Parts[1].Body);
    }

    [Fact]
    public async Task Lines_starting_with_a_dot_are_stuffed_on_the_wire_and_arrive_unchanged()
    {
        using var sink = new SmtpSink();
        // A lone "." would end the message early if it were not doubled on the wire.
        var text = "Before\n.\n.hidden file\n..two dots\nAfter the dots\n.";
        var html = "<p>one</p>\n.\n<p>two</p>";
        var mails = new[]
        {
            new OutgoingMail("dots@example.org", "Dots", text, html, "<dots@compliance.invalid>"),
            new OutgoingMail("next@example.org", "After the dots", "still here", null, "<next@compliance.invalid>"),
        };

        await using (var transport = Notices.Transport(sink.Port, connections: 1))
            Assert.All(await transport.SendManyAsync(mails), r => Assert.Equal(MailOutcome.Sent, r.Outcome));

        var received = sink.Received().ToDictionary(m => m.MessageId);
        Assert.Equal(text, received["<dots@compliance.invalid>"].Parts[0].Body);
        Assert.Equal(html, received["<dots@compliance.invalid>"].Parts[1].Body);
        var plain = Assert.Single(received["<next@compliance.invalid>"].Parts);
        Assert.Equal(("text/plain", "still here"), (plain.ContentType, plain.Body.TrimEnd('\n')));
    }

    [Fact]
    public async Task A_batch_of_two_thousand_arrives_complete_with_one_result_per_message_in_order()
    {
        using var sink = new SmtpSink();
        var mails = Notices.Many(2000);

        IReadOnlyList<MailResult> results;
        await using (var transport = Notices.Transport(sink.Port, connections: 4))
            results = await transport.SendManyAsync(mails);

        Assert.Equal(2000, results.Count);
        Assert.All(results, r => Assert.Equal(MailOutcome.Sent, r.Outcome));
        var dumps = sink.Messages().ToList();
        Assert.Equal(2000, dumps.Count);
        var ids = dumps.Select(d => ReceivedMessage.Parse(d).MessageId).ToHashSet();
        Assert.True(ids.SetEquals(mails.Select(m => m.MessageId)));
    }

    [Fact]
    public async Task Without_PIPELINING_each_command_waits_for_its_reply_and_everything_arrives()
    {
        using var sink = new SinkProcess(["-p"]); // -p: do not announce PIPELINING
        var mails = Notices.Many(25);

        await using (var transport = Notices.Transport(sink.Port))
            Assert.All(await transport.SendManyAsync(mails), r => Assert.Equal(MailOutcome.Sent, r.Outcome));

        Assert.True(sink.Messages().Select(m => m.MessageId).ToHashSet().SetEquals(mails.Select(m => m.MessageId)));
    }

    [Fact]
    public async Task Credentials_are_sent_with_AUTH_PLAIN_when_configured()
    {
        using var sink = new SmtpSink(); // smtp-sink offers AUTH PLAIN LOGIN and accepts any credentials
        await using var transport = Notices.Transport(sink.Port, configure: o => o with { User = "campaigns", Password = "s3cret" });

        var result = await transport.SendAsync(Notices.Numbered(1));

        Assert.Equal(MailOutcome.Sent, result.Outcome);
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task An_internationalised_domain_goes_out_as_punycode_and_a_non_ASCII_mailbox_needs_SMTPUTF8()
    {
        using var sink = new SmtpSink(); // smtp-sink does not offer SMTPUTF8
        await using var transport = Notices.Transport(sink.Port);

        var results = await transport.SendManyAsync([
            Notices.Numbered(1) with { To = "info@例子.香港" },
            Notices.Numbered(2) with { To = "陳大文@example.hk" },
        ]);

        Assert.Equal(MailOutcome.Sent, results[0].Outcome);
        Assert.Equal(MailOutcome.Failed, results[1].Outcome);
        Assert.Contains("SMTPUTF8", results[1].Reply);
        var dump = Assert.Single(sink.Messages());
        Assert.Contains("X-Rcpt-Args: <info@xn--fsqu00a.xn--j6w193g>", dump);
    }
}
