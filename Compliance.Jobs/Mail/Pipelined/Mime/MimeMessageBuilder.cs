using System.Buffers;
using System.Collections.Frozen;
using NodaTime;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>
/// The bytes of one message, CRLF throughout and 7-bit unless an address needs SMTPUTF8: headers (Subject and
/// other text as RFC 2047 encoded-words when not ASCII), then text/plain and text/html as multipart/alternative
/// (text/plain alone when there is no HTML), both UTF-8 quoted-printable.
/// </summary>
internal sealed class MimeMessageBuilder(MailAddressText from, string? fromName, IClock clock)
{
    // Headers the builder writes itself: a caller's copy would make the message ambiguous.
    private static readonly FrozenSet<string> Reserved = new[]
    {
        "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [ThreadStatic] private static ArrayBufferWriter<byte>? scratch;

    /// <exception cref="FormatException">The mail cannot be written as a valid message (bad header name or Message-ID).</exception>
    public byte[] Build(OutgoingMail mail, MailAddressText to)
    {
        var buffer = scratch ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var output = new AsciiWriter(buffer);

        HeaderWriter.Mailbox(output, "From", fromName, from);
        HeaderWriter.Mailbox(output, "To", null, to);
        HeaderWriter.Unstructured(output, "Subject", mail.Subject);
        HeaderWriter.Raw(output, "Date", RfcDate.Format(clock.GetCurrentInstant()));
        HeaderWriter.Raw(output, "Message-ID", MessageId(mail.MessageId));
        foreach (var (name, value) in mail.Headers ?? FrozenDictionary<string, string>.Empty)
        {
            CheckHeaderName(name);
            HeaderWriter.Unstructured(output, name, value);
        }
        HeaderWriter.Raw(output, "MIME-Version", "1.0");

        if (mail.Html is null)
        {
            PartHeaders(output, "text/plain");
            QuotedPrintable.Encode(mail.Text, output);
            output.Crlf();
        }
        else
        {
            // "=_" cannot occur in quoted-printable text, so this boundary cannot collide with the bodies.
            var boundary = $"=_alt_{Random.Shared.NextInt64():x16}";
            HeaderWriter.Raw(output, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
            output.Crlf();
            Part(output, boundary, "text/plain", mail.Text);
            Part(output, boundary, "text/html", mail.Html);
            output.Text($"\r\n--{boundary}--\r\n");
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Part(AsciiWriter output, string boundary, string mediaType, string body)
    {
        output.Text($"\r\n--{boundary}\r\n");
        PartHeaders(output, mediaType);
        QuotedPrintable.Encode(body, output);
    }

    private static void PartHeaders(AsciiWriter output, string mediaType)
    {
        HeaderWriter.Raw(output, "Content-Type", $"{mediaType}; charset=utf-8");
        HeaderWriter.Raw(output, "Content-Transfer-Encoding", "quoted-printable");
        output.Crlf();
    }

    private static string MessageId(string id)
    {
        var bare = id.Trim();
        if (bare.StartsWith('<') && bare.EndsWith('>')) bare = bare[1..^1];
        var at = bare.IndexOf('@');
        if (at <= 0 || at == bare.Length - 1 || bare.Any(c => c is <= ' ' or > '~' or '<' or '>'))
            throw new FormatException($"Message-ID '{id}' is not of the form <left@right> in printable ASCII.");
        return $"<{bare}>";
    }

    private static void CheckHeaderName(string name)
    {
        if (name.Length == 0 || name.Any(c => c is <= ' ' or > '~' or ':'))
            throw new FormatException($"'{name}' is not a valid header name.");
        if (Reserved.Contains(name))
            throw new FormatException($"the {name} header is written by the transport and cannot be given as an extra header.");
    }
}
