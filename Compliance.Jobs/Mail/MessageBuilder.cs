using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Compliance.Jobs.Mail;

/// <summary>A multipart message (plain text first, HTML second) with our own Message-ID, so the send log knows it.</summary>
internal static class MessageBuilder
{
    public static MailMessage Build(string from, OutgoingMail mail)
    {
        var message = new MailMessage(new MailAddress(from), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.Headers["Message-ID"] = mail.MessageId;
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>()) message.Headers[name] = value;
        message.AlternateViews.Add(View(mail.Text, MediaTypeNames.Text.Plain));
        if (mail.Html is not null) message.AlternateViews.Add(View(mail.Html, MediaTypeNames.Text.Html));
        return message;
    }

    // Quoted-printable keeps the text readable in the raw message (and in a mail server's queue when someone must look).
    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
