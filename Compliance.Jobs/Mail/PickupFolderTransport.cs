using System.Net.Mail;

namespace Compliance.Jobs.Mail;

/// <summary>Writes each message as an .eml file: the default when no SMTP server is configured.</summary>
public sealed class PickupFolderTransport(MailOptions options) : IMailTransport
{
    public Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        Directory.CreateDirectory(options.PickupFolder);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = Path.GetFullPath(options.PickupFolder),
        };
        using var message = MessageBuilder.Build(options.From, mail);
        try
        {
            client.Send(message);
            return Task.FromResult(new MailResult(MailOutcome.Sent, $"written to {options.PickupFolder}"));
        }
        catch (Exception e) when (e is SmtpException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(new MailResult(MailOutcome.RetryLater, e.Message));
        }
    }
}
