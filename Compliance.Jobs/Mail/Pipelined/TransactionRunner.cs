using System.Buffers;
using System.Net.Sockets;
using System.Security.Authentication;
using Compliance.Jobs.Mail.Pipelined.Protocol;

namespace Compliance.Jobs.Mail.Pipelined;

/// <summary>
/// Sends messages from a batch over one session until the batch runs dry. With PIPELINING (RFC 2920) each
/// message costs one round trip: its body and end-of-data go out in the same write as the next message's
/// MAIL, RCPT and DATA. Without it, every command waits for its reply.
/// When the connection is lost, a message whose body was sent but not yet acknowledged is RetryLater (the
/// server may or may not have it); one whose body was never sent goes back to the batch for another connection.
/// </summary>
internal sealed class TransactionRunner(SmtpSession session, SendBatch batch, MessagePreparer preparer)
{
    private PreparedMail? current, next;
    private bool currentBodySent;

    /// <summary>How many messages got a verdict from the server on this run.</summary>
    public int Finished { get; private set; }

    /// <exception cref="SmtpConnectionLostException">The session is unusable; the messages in flight are dealt with.</exception>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            if (session.Capabilities.Pipelining) await PipelinedAsync(ct);
            else await LockStepAsync(ct);
        }
        catch (Exception e) when (IsLoss(e))
        {
            var reason = e switch
            {
                OperationCanceledException when ct.IsCancellationRequested => "cancelled",
                OperationCanceledException => "no reply from the server in time",
                _ => $"connection lost: {e.Message}",
            };
            Abandon(reason);
            session.Wire.DiscardOutput();
            throw e as SmtpConnectionLostException ?? new SmtpConnectionLostException(reason, e);
        }
    }

    public static bool IsLoss(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or AuthenticationException;

    private async Task PipelinedAsync(CancellationToken ct)
    {
        var wire = session.Wire;
        current = Take();
        if (current is null) return;
        WriteEnvelope(current);
        await wire.FlushAsync();
        while (current is not null)
        {
            var mail = await wire.ReadReplyAsync();
            var rcpt = await wire.ReadReplyAsync();
            var data = await wire.ReadReplyAsync();
            if (mail.IsPositive && rcpt.IsPositive && data.Code == 354)
            {
                // The next message is prepared before the hand-off is recorded, so that once it is, the terminator
                // leaves at once: the time between the record and the release is as short as it can be.
                DataEncoder.WriteContent(current.Content, wire.Output);
                next = Take();
                await ReleaseAsync(ct);
                if (next is not null) WriteEnvelope(next);
                await wire.FlushAsync();
                Finish(await wire.ReadReplyAsync());
            }
            else
            {
                ThrowIfClosing(mail, rcpt, data);
                if (data.Code == 354)
                {
                    // DATA was accepted although the recipient was not: end an empty message, which the server refuses.
                    wire.Output.Write(".\r\n"u8);
                    await wire.FlushAsync();
                    ThrowIfClosing(await wire.ReadReplyAsync());
                }
                Finish(!mail.IsPositive ? mail : !rcpt.IsPositive ? rcpt : data);
                wire.Command("RSET");
                next = Take();
                if (next is not null) WriteEnvelope(next);
                await wire.FlushAsync();
                var reset = await wire.ReadReplyAsync();
                if (!reset.IsPositive) throw new SmtpConnectionLostException($"the server refused RSET: {reset}");
            }
            current = next;
            next = null;
        }
    }

    private async Task LockStepAsync(CancellationToken ct)
    {
        while ((current = Take()) is not null)
        {
            var refusal = await StepAsync(current.MailFrom) ?? await StepAsync(current.RcptTo);
            if (refusal is null)
            {
                var data = await session.ExchangeAsync("DATA");
                if (data.Code == 354)
                {
                    DataEncoder.WriteContent(current.Content, session.Wire.Output);
                    await ReleaseAsync(ct);
                    await session.Wire.FlushAsync();
                    Finish(await session.Wire.ReadReplyAsync());
                    continue;
                }
                refusal = data;
            }
            Finish(refusal.Value);
            var reset = await session.ExchangeAsync("RSET");
            if (!reset.IsPositive) throw new SmtpConnectionLostException($"the server refused RSET: {reset}");
        }
    }

    // After the content: once the hand-off log has recorded it, the terminator that makes the server take it.
    private async Task ReleaseAsync(CancellationToken ct)
    {
        if (batch.HandOff is { } log)
        {
            try
            {
                await log.RecordAsync(current!.Index, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Mid-DATA there is no way back but closing the connection: the server discards what it has.
                throw new SmtpConnectionLostException($"the hand-off could not be recorded, so the message was not released: {e.Message}", e);
            }
        }
        DataEncoder.WriteEnd(session.Wire.Output);
        currentBodySent = true;
    }

    private async Task<SmtpReply?> StepAsync(string command)
    {
        var reply = await session.ExchangeAsync(command);
        return reply.IsPositive ? null : reply;
    }

    private PreparedMail? Take()
    {
        while (batch.TryTake(out var index))
            if (preparer.Prepare(batch, index, session.Capabilities) is { } prepared) return prepared;
        return null;
    }

    private void WriteEnvelope(PreparedMail mail)
    {
        session.Wire.Command(mail.MailFrom);
        session.Wire.Command(mail.RcptTo);
        session.Wire.Command("DATA");
    }

    // The server's verdict on the current message. A 421 is a verdict (not accepted) and the end of the session.
    private void Finish(SmtpReply verdict)
    {
        batch.Complete(current!.Index, verdict.ToResult());
        current = null;
        currentBodySent = false;
        Finished++;
        ThrowIfClosing(verdict);
    }

    private static void ThrowIfClosing(params ReadOnlySpan<SmtpReply> replies)
    {
        foreach (var reply in replies)
            if (reply.IsClosing) throw new SmtpConnectionLostException($"the server is closing the connection: {reply}");
    }

    private void Abandon(string reason)
    {
        if (current is not null)
        {
            if (currentBodySent)
                batch.Complete(current.Index, new MailResult(MailOutcome.RetryLater,
                    $"unconfirmed: the message was sent but the server did not confirm it ({reason}); it may have arrived"));
            else
                batch.HandBack(current.Index, reason);
        }
        if (next is not null) batch.HandBack(next.Index, reason);
        current = next = null;
        currentBodySent = false;
    }
}
