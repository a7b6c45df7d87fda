using System.Text;
using Compliance.Jobs.Mail.Mime;
using MimeKit;
using NodaTime;

namespace Compliance.Jobs.Mail;

/// <summary>
/// Writes each message as an .eml file (MimeKit's bytes after X-Sender and X-Receiver lines naming the envelope): the
/// default when no SMTP server is configured. A file is written under a temporary name and renamed when complete, so a
/// reader of the folder never sees half a message; for a campaign the rename is the release, after the hand-off record.
/// </summary>
public sealed class PickupFolderTransport(MailOptions options, IClock clock) : IMailTransport, IBulkMailTransport
{
    private readonly string folder = Path.GetFullPath(options.PickupFolder);
    private readonly MessageFactory factory = new(options.From, null, clock);

    public async Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
    {
        var results = new MailResult[mails.Count];
        for (var i = 0; i < mails.Count; i++)
        {
            if (ct.IsCancellationRequested)
            {
                results[i] = new MailResult(MailOutcome.RetryLater, "not sent: cancelled");
                continue;
            }
            var index = i;
            results[i] = await WriteAsync(mails[i], handOff is null ? null : token => handOff.RecordAsync(index, token), ct);
            handOff?.Settled(i, results[i]);
        }
        return results;
    }

    public Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default) => WriteAsync(mail, null, ct);

    private async Task<MailResult> WriteAsync(OutgoingMail mail, Func<CancellationToken, ValueTask>? record, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = factory.Build(mail, new ReleaseGate(null));
        }
        catch (FormatException e)
        {
            return new MailResult(MailOutcome.Failed, $"not sent: {e.Message}");
        }
        using var owned = message;
        var name = $"{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, $".{name}.partial");
        try
        {
            Directory.CreateDirectory(folder);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, useAsync: true))
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes($"X-Sender: {options.From}\r\nX-Receiver: {mail.To}\r\n"), ct);
                await message.WriteToAsync(MessageFactory.Wire, file, ct);
            }
            if (record is not null)
            {
                try
                {
                    await record(ct);
                }
                catch (Exception e)
                {
                    File.Delete(partial);
                    return new MailResult(MailOutcome.RetryLater, $"not sent: the hand-off could not be recorded: {e.Message}");
                }
            }
            File.Move(partial, Path.Combine(folder, $"{name}.eml"));
            return new MailResult(MailOutcome.Sent, $"written to {options.PickupFolder}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(partial);
            return new MailResult(MailOutcome.RetryLater, $"not sent: {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray .partial file is ignored by readers of the folder; nothing more to do.
        }
    }
}
