using Compliance.Jobs.Mail.Mime;
using MailKit.Net.Smtp;
using MimeKit;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>
/// Sends messages from a batch over one MailKit client until the batch runs dry. The message's hand-off record is asked
/// for as its transaction starts, and commits while MailKit pipelines MAIL FROM and RCPT TO, waits for 354 and writes
/// the content; the body's <see cref="ReleaseGate"/> then holds the final "." until the record has committed. A message
/// refused or cut off before its release is withdrawn from the log before the next one is recorded. When the connection
/// is lost, a message already released is RetryLater and "unconfirmed" (the server may have it); one never released
/// goes back to the batch for another connection.
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
            Task? recording = null;
            var gate = new ReleaseGate(batch.HandOff is null ? null : _ => new ValueTask(recording!));
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
            if (batch.HandOff is { } log) recording = Record(log, index, ct);
            try
            {
                var reply = await client.SendAsync(utf8 ? International : Plain, message, factory.From, [recipient], ct);
                Settle(index, new MailResult(MailOutcome.Sent, $"250 {reply}"));
            }
            catch (SmtpCommandException e) when (client.IsConnected)
            {
                // A refusal of this message (MailKit has reset the transaction): the connection goes on.
                WithdrawUnreleased(index, gate, recording);
                Settle(index, SmtpReplies.Refusal(e));
            }
            catch (SmtpCommandException e)
            {
                // A refusal that closed the session (421): the server has the verdict, the connection is over.
                WithdrawUnreleased(index, gate, recording);
                Settle(index, SmtpReplies.Refusal(e));
                throw new SmtpConnectionLostException($"the server closed the connection: {SmtpReplies.Text(e)}", e);
            }
            catch (Exception e) when (FindHandOffFailure(e) is { } failure)
            {
                // MailKit dropped the connection mid-DATA: the server discards what it had.
                WithdrawUnreleased(index, gate, recording);
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
                {
                    WithdrawUnreleased(index, gate, recording);
                    batch.HandBack(index, reason);
                }
                throw new SmtpConnectionLostException(reason, e);
            }
        }
    }

    // Asked for at once, so that the commit overlaps the round trips; a log that throws fails only this message's release.
    private static Task Record(IHandOffLog log, int index, CancellationToken ct)
    {
        try
        {
            return log.RecordAsync(index, ct).AsTask();
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    // Before the connection's next record is asked for: the log then never holds two unsettled records of one connection.
    private void WithdrawUnreleased(int index, ReleaseGate gate, Task? recording)
    {
        if (recording is null || gate.Passed) return;
        batch.HandOff!.Withdrawn(index);
        // Nobody awaits it now: its failure, if any, is observed here (the message was not released either way).
        recording.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
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
