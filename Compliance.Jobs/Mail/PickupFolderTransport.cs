using System.Net.Mail;

namespace Compliance.Jobs.Mail;

/// <summary>Writes each message as an .eml file: the default when no SMTP server is configured.</summary>
public sealed class PickupFolderTransport(MailOptions options) : IMailTransport, IBulkMailTransport
{
    private readonly string folder = Path.GetFullPath(options.PickupFolder);

    /// <summary>One file at a time, each written only after the hand-off log recorded it.</summary>
    public async Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
    {
        using var client = Client();
        var results = new MailResult[mails.Count];
        for (var i = 0; i < mails.Count; i++)
        {
            if (ct.IsCancellationRequested)
            {
                results[i] = new MailResult(MailOutcome.RetryLater, "not sent: cancelled");
                continue;
            }
            try
            {
                if (handOff is not null) await handOff.RecordAsync(i, ct);
            }
            catch (Exception e)
            {
                results[i] = new MailResult(MailOutcome.RetryLater, $"not sent: the hand-off could not be recorded: {e.Message}");
                continue;
            }
            results[i] = Write(client, mails[i]);
            handOff?.Settled(i, results[i]);
        }
        return results;
    }

    public Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        using var client = Client();
        return Task.FromResult(Write(client, mail));
    }

    private SmtpClient Client()
    {
        Directory.CreateDirectory(folder);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
    }

    private MailResult Write(SmtpClient client, OutgoingMail mail)
    {
        using var message = MessageBuilder.Build(options.From, mail);
        try
        {
            client.Send(message);
            return new MailResult(MailOutcome.Sent, $"written to {options.PickupFolder}");
        }
        catch (Exception e) when (e is SmtpException or IOException or UnauthorizedAccessException)
        {
            return new MailResult(MailOutcome.RetryLater, e.Message);
        }
    }
}
