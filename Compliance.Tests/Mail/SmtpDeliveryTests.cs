using Compliance.Jobs.Mail;
using Compliance.Tests.Support;
using MimeKit;

namespace Compliance.Tests.Mail;

// What arrives at a real SMTP server (Postfix's smtp-sink) through MailKit is what was sent, read back with MimeKit's parser.
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task A_notice_arrives_with_its_headers_and_both_parts_decoding_to_the_input()
    {
        using var sink = new SmtpSink();
        var mail = new OutgoingMail("chan.tai.man@example.hk", "Notice of a data breach", "Dear supporter,\nyour record was exposed.\n",
            "<p>Dear supporter,</p>\n<p>your record was exposed.</p>", "<notice.1@compliance.invalid>",
            new Dictionary<string, string> { ["X-Campaign"] = "hk-2026-03", ["Content-Language"] = "zh-Hant" });

        await using (var transport = Notices.Transport(sink.Port))
        {
            var result = await transport.SendAsync(mail);
            Assert.Equal(MailOutcome.Sent, result.Outcome);
            Assert.StartsWith("250", result.Reply);
        }

        var dump = Assert.Single(sink.Messages());
        Assert.Contains("X-Mail-Args: <notices@haki.example>", dump);
        Assert.Contains("X-Rcpt-Args: <chan.tai.man@example.hk>", dump);
        var received = Parsed.From(dump);
        Assert.Equal(("Haki Network", "notices@haki.example"), (received.From.Mailboxes.Single().Name, received.From.Mailboxes.Single().Address));
        Assert.Equal("chan.tai.man@example.hk", received.To.Mailboxes.Single().Address);
        Assert.Equal("Notice of a data breach", received.Subject);
        Assert.Equal(DateTimeOffset.Parse("2026-03-06T09:15:30Z"), received.Date);
        Assert.Equal("notice.1@compliance.invalid", received.MessageId);
        Assert.Equal("hk-2026-03", received.Headers["X-Campaign"]);
        // MimeKit's parser files Content-* headers under the body, where MIME says they belong.
        Assert.Equal("zh-Hant", received.Body!.Headers["Content-Language"]);
        Assert.Contains("\nContent-Language: zh-Hant\n", dump.ReplaceLineEndings("\n"));
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Collection(alternative,
            text => Assert.Equal(("text/plain", "utf-8", ContentEncoding.QuotedPrintable, mail.Text), (text.ContentType.MimeType, text.ContentType.Charset, ((TextPart)text).ContentTransferEncoding, Parsed.Body(text))),
            html => Assert.Equal(("text/html", "utf-8", ContentEncoding.QuotedPrintable, mail.Html), (html.ContentType.MimeType, html.ContentType.Charset, ((TextPart)html).ContentTransferEncoding, Parsed.Body(html))));
    }

    [Fact]
    public async Task Chinese_and_Arabic_names_subjects_and_bodies_survive_the_trip()
    {
        using var sink = new SmtpSink();
        var chinese = new OutgoingMail("chan@example.hk", Notices.ChineseSubject, Notices.ChineseText, $"<p>{Notices.ChineseText}</p>", "<zh@compliance.invalid>",
            new Dictionary<string, string> { ["X-Recipient-Name"] = "陳大文" });
        var arabic = new OutgoingMail("ahmad@example.eg", Notices.ArabicSubject, "عزيزي أحمد،\nاكتشفنا وصولاً غير مصرح به.", Notices.ArabicHtml, "<ar@compliance.invalid>");

        await using (var transport = Notices.Transport(sink.Port, configure: o => o with { FromName = "香港人權監察 · مرصد الحقوق" }))
            Assert.All(await transport.SendManyAsync([chinese, arabic]), r => Assert.Equal(MailOutcome.Sent, r.Outcome));

        var dumps = sink.Messages();
        Assert.All(dumps, d => Assert.True(System.Text.Ascii.IsValid(d), "the message crossed the wire as 7-bit text"));
        var received = Parsed.ById(dumps);
        foreach (var sent in new[] { chinese, arabic })
        {
            var got = received[Parsed.Bare(sent.MessageId)];
            Assert.Equal(sent.Subject, got.Subject);
            Assert.Equal("香港人權監察 · مرصد الحقوق", got.From.Mailboxes.Single().Name);
            Assert.Equal(sent.Text, Parsed.Body(((Multipart)got.Body!)[0]));
            Assert.Equal(sent.Html, Parsed.Body(((Multipart)got.Body!)[1]));
        }
        Assert.Equal("陳大文", received["zh@compliance.invalid"].Headers["X-Recipient-Name"]);
        Assert.Contains("dir=\"rtl\"", Parsed.Body(((Multipart)received["ar@compliance.invalid"].Body!)[1]));
    }

    [Fact]
    public async Task Lines_starting_with_a_dot_arrive_unchanged()
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

        var received = Parsed.ById(sink.Messages());
        Assert.Equal(text, Parsed.Body(((Multipart)received["dots@compliance.invalid"].Body!)[0]));
        Assert.Equal(html, Parsed.Body(((Multipart)received["dots@compliance.invalid"].Body!)[1]));
        var plain = Assert.IsType<TextPart>(received["next@compliance.invalid"].Body);
        Assert.Equal(("text/plain", "still here"), (plain.ContentType.MimeType, Parsed.Body(plain).TrimEnd('\n')));
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
        var ids = sink.Received().Select(m => m.MessageId).ToList();
        Assert.Equal(2000, ids.Count);
        Assert.True(ids.ToHashSet().SetEquals(mails.Select(m => m.MessageId)));
    }

    [Fact]
    public async Task Without_PIPELINING_everything_arrives()
    {
        using var sink = new SinkProcess(["-p"]); // -p: do not announce PIPELINING
        var mails = Notices.Many(25);

        await using (var transport = Notices.Transport(sink.Port))
            Assert.All(await transport.SendManyAsync(mails), r => Assert.Equal(MailOutcome.Sent, r.Outcome));

        Assert.True(sink.Messages().Select(m => m.MessageId).ToHashSet().SetEquals(mails.Select(m => m.MessageId)));
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
