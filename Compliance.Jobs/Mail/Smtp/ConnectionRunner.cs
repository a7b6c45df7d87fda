using Compliance.Jobs.Mail.Mime;
using MailKit.Net.Smtp;
using MimeKit;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>
/// Sends messages from a batch over one MailKit client until the batch runs dry. MailKit pipelines MAIL FROM and
/// RCPT TO, waits for 354, and writes the content; the body's <see cref="ReleaseGate"/> holds the final "." until the
/// hand-off log has recorded the message. When the connection is lost, a message already released is RetryLater
/// and "unconfirmed" (the server may have it); one never released goes back to the batch for another connection.
/// </summary>
internal sealed class ConnectionRunner(SmtpClient client, SendBatch batch, MessageFactory factory)
{
    private static readonly FormatOptions Plain = FormatOptions.Default.Clone();
    private static readonly FormatOptions International = Utf8Options();

    /// <summary>How many messages got a verdict from the server on this run.</summary>
    public int Finished { get; private set; }

    /// <exception cref="SmtpConnectionLostException">The client is unusable; the message in flight is dealt with.</exception>
    public async Task RunAsync(CancellationToken ct)
    {
        while (batch.TryTake(out var index))
        {
            var mail = batch.Mails[index];
            var gate = new ReleaseGate(batch.HandOff is { } log ? token => log.RecordAsync(index, token) : null);
            MimeMessage message;
            MailboxAddress recipient;
            try
            {
                message = factory.Build(mail, gate);
                recipient = (MailboxAddress)message.To[0];
            }
            catch (FormatException e)
            {
                batch.Complete(index, new MailResult(MailOutcome.Failed, $"not sent: {e.Message}"));
                continue;
            }
            var utf8 = !Ascii(recipient.LocalPart) || !Ascii(factory.From.LocalPart);
            if (utf8 && !client.Capabilities.HasFlag(SmtpCapabilities.UTF8))
            {
                message.Dispose();
                batch.Complete(index, new MailResult(MailOutcome.Failed,
                    $"not sent: the address {(Ascii(recipient.LocalPart) ? factory.From.Address : recipient.Address)} needs SMTPUTF8, which the server does not offer"));
                continue;
            }
            // MimeKit keeps a part's content in pooled memory blocks that only Dispose gives back.
            using var owned = message;
            try
            {
                var reply = await client.SendAsync(utf8 ? International : Plain, message, factory.From, [recipient], ct);
                Settle(index, new MailResult(MailOutcome.Sent, $"250 {reply}"));
            }
            catch (SmtpCommandException e) when (client.IsConnected)
            {
                // A refusal of this message (MailKit has reset the transaction): the connection goes on.
                Settle(index, SmtpReplies.Refusal(e));
            }
            catch (SmtpCommandException e)
            {
                // A refusal that closed the session (421): the server has the verdict, the connection is over.
                Settle(index, SmtpReplies.Refusal(e));
                throw new SmtpConnectionLostException($"the server closed the connection: {SmtpReplies.Text(e)}", e);
            }
            catch (Exception e) when (FindHandOffFailure(e) is { } failure)
            {
                // MailKit dropped the connection mid-DATA: the server discards what it had.
                batch.Complete(index, new MailResult(MailOutcome.RetryLater, $"not sent: {failure.Message}"));
                throw new SmtpConnectionLostException(failure.Message, e);
            }
            catch (Exception e) when (SmtpReplies.IsLoss(e))
            {
                var reason = e switch
                {
                    OperationCanceledException when ct.IsCancellationRequested => "cancelled",
                    OperationCanceledException or TimeoutException => "no reply from the server in time",
                    _ => $"connection lost: {e.Message}",
                };
                if (gate.Passed)
                    batch.Complete(index, new MailResult(MailOutcome.RetryLater,
                        $"unconfirmed: the message was sent but the server did not confirm it ({reason}); it may have arrived"));
                else
                    batch.HandBack(index, reason);
                throw new SmtpConnectionLostException(reason, e);
            }
        }
    }

    private void Settle(int index, MailResult result)
    {
        batch.Complete(index, result);
        Finished++;
    }

    private static HandOffFailedException? FindHandOffFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HandOffFailedException failure) return failure;
        return null;
    }

    private static bool Ascii(string text) => System.Text.Ascii.IsValid(text);

    private static FormatOptions Utf8Options()
    {
        var options = FormatOptions.Default.Clone();
        options.International = true;
        return options;
    }
}

/// <summary>The connection cannot be used any more; the messages in flight have their results.</summary>
internal sealed class SmtpConnectionLostException(string message, Exception? inner = null) : Exception(message, inner);
