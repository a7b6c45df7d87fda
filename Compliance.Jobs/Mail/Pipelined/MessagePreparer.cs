using Compliance.Jobs.Mail.Pipelined.Mime;
using Compliance.Jobs.Mail.Pipelined.Protocol;
using NodaTime;

namespace Compliance.Jobs.Mail.Pipelined;

/// <summary>
/// Turns an <see cref="OutgoingMail"/> into a <see cref="PreparedMail"/> for what the server offers, or into a
/// final result when it cannot be sent there at all (bad address, needs SMTPUTF8, over the size limit).
/// </summary>
internal sealed class MessagePreparer
{
    private readonly MailAddressText from;
    private readonly MimeMessageBuilder builder;

    public MessagePreparer(PipelinedSmtpOptions options, IClock clock)
    {
        from = MailAddressText.Parse(options.FromAddress);
        builder = new MimeMessageBuilder(from, options.FromName, clock);
    }

    public PreparedMail? Prepare(SendBatch batch, int index, ServerCapabilities server)
    {
        var mail = batch.Mails[index];
        try
        {
            var to = MailAddressText.Parse(mail.To);
            var utf8 = to.NeedsSmtpUtf8 || from.NeedsSmtpUtf8;
            if (utf8 && !server.SmtpUtf8)
                return Refuse(batch, index, $"the address {(to.NeedsSmtpUtf8 ? to : from)} needs SMTPUTF8, which the server does not offer");
            var content = builder.Build(mail, to);
            if (server.MaxSize > 0 && content.Length > server.MaxSize)
                return Refuse(batch, index, $"the message is {content.Length} bytes and the server takes at most {server.MaxSize}");
            var parameters = (server.MaxSize > 0 ? $" SIZE={content.Length}" : "")
                + (utf8 ? " SMTPUTF8" : "")
                + (utf8 && server.EightBitMime ? " BODY=8BITMIME" : "");
            return new PreparedMail(index, $"MAIL FROM:<{from}>{parameters}", $"RCPT TO:<{to}>", content);
        }
        catch (FormatException e)
        {
            return Refuse(batch, index, e.Message);
        }
    }

    public byte[] Render(OutgoingMail mail) => builder.Build(mail, MailAddressText.Parse(mail.To));

    private static PreparedMail? Refuse(SendBatch batch, int index, string reason)
    {
        batch.Complete(index, new MailResult(MailOutcome.Failed, $"not sent: {reason}"));
        return null;
    }
}
