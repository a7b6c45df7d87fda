using System.Collections.Concurrent;
using System.Net;
using System.Net.Mail;

namespace Compliance.Jobs.Mail;

/// <summary>
/// SMTP through System.Net.Mail with a pool of open connections (one SmtpClient each). A 4xx reply or a lost
/// connection is RetryLater; a 5xx reply is Failed, with the server's words kept for the send log.
/// </summary>
public sealed class SmtpTransport : IMailTransport, IDisposable
{
    private readonly MailOptions options;
    private readonly ConcurrentBag<SmtpClient> idle = [];
    private readonly SemaphoreSlim slots;

    public SmtpTransport(MailOptions options)
    {
        this.options = options;
        slots = new SemaphoreSlim(options.Connections, options.Connections);
    }

    public async Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        await slots.WaitAsync(ct);
        var client = idle.TryTake(out var c) ? c : NewClient();
        var healthy = true;
        try
        {
            using var message = MessageBuilder.Build(options.From, mail);
            await client.SendMailAsync(message, ct);
            return new MailResult(MailOutcome.Sent, "250 accepted");
        }
        catch (SmtpFailedRecipientException e)
        {
            return Classify(e.StatusCode, e.Message);
        }
        catch (SmtpException e)
        {
            healthy = false;
            return Classify(e.StatusCode, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            healthy = false;
            return new MailResult(MailOutcome.RetryLater, e.Message);
        }
        finally
        {
            if (healthy) idle.Add(client); else client.Dispose();
            slots.Release();
        }
    }

    private static MailResult Classify(SmtpStatusCode code, string message)
    {
        var numeric = (int)code;
        // 5xx is final; 4xx, and failures with no reply at all (GeneralFailure = -1), are worth another try.
        var outcome = numeric is >= 500 and < 600 ? MailOutcome.Failed : MailOutcome.RetryLater;
        return new MailResult(outcome, numeric > 0 ? $"{numeric} {message}" : message);
    }

    private SmtpClient NewClient()
    {
        var client = new SmtpClient(options.SmtpHost!, options.SmtpPort)
        {
            EnableSsl = options.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(options.User)) client.Credentials = new NetworkCredential(options.User, options.Password);
        return client;
    }

    public void Dispose()
    {
        while (idle.TryTake(out var c)) c.Dispose();
        slots.Dispose();
    }
}
