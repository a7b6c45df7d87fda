using System.Collections.Frozen;
using System.Text;
using MimeKit;
using NodaTime;

namespace Compliance.Jobs.Mail.Mime;

/// <summary>
/// An <see cref="OutgoingMail"/> as a MimeKit message: our Message-ID (so the send log knows it), the date from the
/// injected clock, extra headers on one line each, and text/plain (plus text/html as multipart/alternative) in UTF-8
/// quoted-printable, readable in the raw message and in a mail server's queue. MimeKit encodes non-ASCII subjects and
/// names as RFC 2047 words.
/// </summary>
internal sealed class MessageFactory(MailboxAddress from, IClock clock)
{
    // Headers the factory writes itself: a caller's copy would make the message ambiguous.
    private static readonly FrozenSet<string> Reserved = new[]
    {
        "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public MailboxAddress From => from;

    /// <summary>How a message is written outside SMTP (pickup files, previews): CRLF line ends, as on the wire.</summary>
    public static readonly FormatOptions Wire = WireOptions();

    private static FormatOptions WireOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    public MessageFactory(string fromAddress, string? fromName, IClock clock) : this(new MailboxAddress(fromName ?? "", fromAddress), clock)
    {
    }

    /// <exception cref="FormatException">The mail cannot be written as a valid message (bad address, header name or Message-ID).</exception>
    public MimeMessage Build(OutgoingMail mail, ReleaseGate gate)
    {
        var message = new MimeMessage();
        // A copy per message: an address list subscribes to its addresses' Changed events, so one shared address would
        // keep every message ever built alive through its handler list (and make each Add copy that ever longer list).
        message.From.Add(new MailboxAddress(from.Name, from.Address));
        message.To.Add(Recipient(mail.To));
        // MimeMessage starts with an empty Subject header: ours takes its place.
        var subject = message.Headers.IndexOf(HeaderId.Subject);
        if (subject >= 0) message.Headers[subject] = Text(HeaderId.Subject.ToHeaderName(), mail.Subject);
        else message.Headers.Add(Text(HeaderId.Subject.ToHeaderName(), mail.Subject));
        message.Date = clock.GetCurrentInstant().ToDateTimeOffset();
        message.MessageId = MessageId(mail.MessageId);
        foreach (var (name, value) in mail.Headers ?? FrozenDictionary<string, string>.Empty)
        {
            CheckHeaderName(name);
            message.Headers.Add(Text(name, value));
        }
        if (mail.Html is null)
            message.Body = Text(new GatedTextPart(gate, "plain"), mail.Text);
        else
            message.Body = new GatedAlternative(gate) { Text(new TextPart("plain"), mail.Text), Text(new TextPart("html"), mail.Html) };
        return message;
    }

    /// <exception cref="FormatException">Not a plain address (local@domain).</exception>
    public static MailboxAddress Recipient(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Any(c => c is <= ' ' or '<' or '>' or '(' or ')' or ',' or ';' or '\\' or '"' or '\u007f'))
            throw new FormatException($"'{address}' is not a plain email address (local@domain).");
        try
        {
            return new MailboxAddress("", address);
        }
        catch (ParseException e)
        {
            throw new FormatException($"'{address}' is not an email address: {e.Message}", e);
        }
    }

    // MimeKit sizes encoded words for 78-character lines without counting the header's name, so the first word of a
    // non-ASCII Subject made its line longer than 78: such values are encoded for a shorter line. ASCII values keep the
    // default, which folds at spaces and never turns a long token (a reminder key) into encoded words.
    private static readonly FormatOptions HeaderFolding = HeaderOptions();

    private static FormatOptions HeaderOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.MaxLineLength = 66;
        return options;
    }

    private static Header Text(string name, string value)
    {
        var header = new Header(name, "");
        var line = OneLine(value);
        var ascii = System.Text.Ascii.IsValid(line);
        header.SetValue(ascii ? FormatOptions.Default : HeaderFolding, Encoding.UTF8, line);
        // MimeKit turns an ASCII token too long to fold (a reminder key) into encoded words; it goes out as it is instead,
        // so a person or a script reading the raw message or the server's log finds it.
        if (ascii && header.RawValue.AsSpan().IndexOf("=?"u8) >= 0) header.SetRawValue(Encoding.ASCII.GetBytes($" {line}\n"));
        return header;
    }

    private static TextPart Text(TextPart part, string body)
    {
        // One kind of line end: a lone CR would be written as =0D and stretch quoted-printable lines past their limit.
        part.SetText(Encoding.UTF8, body.ReplaceLineEndings("\n"));
        part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        return part;
    }

    // A line break in a header value would start a new header: each becomes a space.
    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private static string MessageId(string id)
    {
        var bare = id.Trim();
        if (bare.StartsWith('<') && bare.EndsWith('>')) bare = bare[1..^1];
        var at = bare.IndexOf('@');
        if (at <= 0 || at == bare.Length - 1 || bare.Any(c => c is <= ' ' or > '~' or '<' or '>'))
            throw new FormatException($"Message-ID '{id}' is not of the form <left@right> in printable ASCII.");
        return bare;
    }

    private static void CheckHeaderName(string name)
    {
        if (name.Length == 0 || name.Any(c => c is <= ' ' or > '~' or ':'))
            throw new FormatException($"'{name}' is not a valid header name.");
        if (Reserved.Contains(name))
            throw new FormatException($"the {name} header is written by the transport and cannot be given as an extra header.");
    }
}
