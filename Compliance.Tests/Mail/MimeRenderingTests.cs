using System.Text;
using System.Text.RegularExpressions;
using Compliance.Jobs.Mail;
using MimeKit;

namespace Compliance.Tests.Mail;

// The bytes MimeKit writes for our messages, checked without a server: line lengths, 7-bit, encoded-words, no header injection.
public sealed partial class MimeRenderingTests
{
    private static string Render(OutgoingMail mail)
    {
        var transport = Notices.Transport(25);
        return Encoding.UTF8.GetString(transport.Render(mail));
    }

    private static string Awkward(int seed)
    {
        // Long lines, trailing blanks, '=' signs, dots, CRLF/LF/CR breaks, CJK, Arabic and a character outside the BMP.
        var random = new Random(seed);
        string[] pieces = ["資料外洩", "مرحبا بك", "café ", "=3D", ".", "..", " ", "\t", "\n", "\r\n", "\r", "😀", "x", "Line of plain words "];
        var text = new StringBuilder();
        for (var i = 0; i < 400; i++) text.Append(pieces[random.Next(pieces.Length)]);
        return text.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_text_renders_as_short_7_bit_CRLF_lines_and_decodes_back_to_itself(int seed)
    {
        var text = Awkward(seed);
        var html = $"<p>{Awkward(seed + 100)}</p>";
        var mail = new OutgoingMail("reader@example.org", Awkward(seed + 200)[..60], text, html, "<awkward@compliance.invalid>");

        var rendered = Render(mail);

        Assert.True(Ascii.IsValid(rendered), "every byte is 7-bit");
        Assert.DoesNotMatch(BareLineBreak(), rendered);
        Assert.All(rendered.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line of {line.Length}: {line}"));
        var parsed = Parsed.From(rendered);
        Assert.Equal(Lf(text), Parsed.Body(((Multipart)parsed.Body!)[0]));
        Assert.Equal(Lf(html), Parsed.Body(((Multipart)parsed.Body!)[1]));
        // Line breaks become spaces; blanks at either end of a header are not kept by MIME.
        Assert.Equal(Regex.Replace(mail.Subject, @"[\r\n]", " ").Trim(), parsed.Subject?.Trim());
    }

    [Fact]
    public void Each_encoded_word_is_short_and_decodes_on_its_own()
    {
        var rendered = Render(Notices.Numbered(1) with { Subject = string.Concat(Enumerable.Repeat(Notices.ChineseSubject + Notices.ArabicSubject, 3)) });

        var words = EncodedWord().Matches(rendered).Select(m => m.Value).ToList();
        Assert.True(words.Count > 5);
        // MimeKit sizes words to fit 78-character lines (a word may be 76 long, one over RFC 2047's 75).
        Assert.All(words, w => Assert.InRange(w.Length, 1, 76));
        Assert.All(rendered.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line of {line.Length}: {line}"));
        // A word that split a character would not decode as strict UTF-8.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(words, w => strict.GetString(Convert.FromBase64String(w[10..^2])));
    }

    [Fact]
    public void Line_breaks_in_a_subject_or_an_extra_header_cannot_add_a_header()
    {
        var rendered = Render(Notices.Numbered(1) with
        {
            Subject = "Hello\r\nBcc: everyone@example.org",
            Headers = new Dictionary<string, string> { ["X-Note"] = "fine\nReply-To: attacker@example.org" },
        });

        var head = rendered[..rendered.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\nBcc:", head);
        Assert.DoesNotContain("\r\nReply-To:", head);
        var parsed = Parsed.From(rendered);
        Assert.Equal("Hello  Bcc: everyone@example.org", parsed.Subject);
        Assert.Equal("fine Reply-To: attacker@example.org", parsed.Headers["X-Note"]);
        Assert.Empty(parsed.Bcc);
        Assert.Empty(parsed.ReplyTo);
    }

    [Fact]
    public void A_long_plain_header_is_folded_at_spaces_and_unfolds_to_the_original()
    {
        var subject = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"word{i}"));

        var rendered = Render(Notices.Numbered(1) with { Subject = subject });

        Assert.Contains("\r\n word", rendered);
        Assert.Equal(subject, Parsed.From(rendered).Subject);
    }

    [Fact]
    public void A_message_without_HTML_is_a_single_text_part()
    {
        var rendered = Render(Notices.Numbered(1) with { Html = null });

        var part = Assert.IsType<TextPart>(Parsed.From(rendered).Body);
        Assert.Equal(("text/plain", "utf-8", ContentEncoding.QuotedPrintable), (part.ContentType.MimeType, part.ContentType.Charset, part.ContentTransferEncoding));
        Assert.DoesNotContain("multipart", rendered);
    }

    private static string Lf(string text) => Regex.Replace(text, "\r\n|\r", "\n");

    [GeneratedRegex("\r(?!\n)|(?<!\r)\n")]
    private static partial Regex BareLineBreak();

    [GeneratedRegex(@"=\?utf-8\?b\?[A-Za-z0-9+/=]*\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
