using System.Collections.Concurrent;
using Compliance.Jobs.Mail.Pipelined.Protocol;
using NodaTime;

namespace Compliance.Jobs.Mail.Pipelined;

/// <summary>
/// SMTP of our own for notice campaigns: a pool of persistent connections, each sending with PIPELINING when
/// the server offers it, so a message costs one round trip and no Nagle stall. Results follow the send log's
/// rules: 2xx Sent, 4xx or a lost connection RetryLater, 5xx Failed, each with the server's reply.
/// </summary>
public sealed class PipelinedSmtpTransport : IMailTransport, IBulkMailTransport, IAsyncDisposable
{
    private readonly PipelinedSmtpOptions options;
    private readonly MessagePreparer preparer;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<SmtpSession> idle = [];
    private volatile bool disposed;

    public PipelinedSmtpTransport(PipelinedSmtpOptions options, IClock clock)
    {
        options.Validate();
        this.options = options;
        preparer = new MessagePreparer(options, clock);
        slots = new SemaphoreSlim(options.Connections, options.Connections);
    }

    /// <summary>The bytes this transport would send for the mail, before dot-stuffing (for previews and sizes).</summary>
    /// <exception cref="FormatException">The mail cannot be written as a valid message.</exception>
    public byte[] Render(OutgoingMail mail) => preparer.Render(mail);

    public async Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default) =>
        (await SendManyAsync([mail], ct))[0];

    /// <summary>
    /// Sends every message over up to <see cref="PipelinedSmtpOptions.Connections"/> connections and returns one
    /// result per message, in order. It does not throw for a server or network problem, nor on cancellation:
    /// messages not yet handed to the server come back RetryLater, so the caller always learns what was sent.
    /// </summary>
    public Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken ct = default) =>
        SendManyAsync(mails, null, ct);

    /// <summary>
    /// As <see cref="SendManyAsync(IReadOnlyList{OutgoingMail}, CancellationToken)"/>, and each message is released to
    /// the server only after <paramref name="handOff"/> has recorded it (the connections' records are committed together
    /// when the log batches them).
    /// </summary>
    public async Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var batch = new SendBatch(mails, handOff, ct);
        var workers = Math.Min(options.Connections, mails.Count);
        var running = new Task[workers];
        for (var i = 0; i < workers; i++) running[i] = WorkAsync(batch, ct);
        await Task.WhenAll(running);
        return batch.Results();
    }

    // One connection's share of a batch: take messages until none is left, reconnecting after a loss, and give
    // up after MaxReconnects attempts in a row that delivered nothing.
    private async Task WorkAsync(SendBatch batch, CancellationToken ct)
    {
        try
        {
            await slots.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var session = await TakeIdleAsync();
        var failures = 0;
        try
        {
            while (batch.HasWork)
            {
                if (session is null)
                {
                    try
                    {
                        session = await SmtpSession.OpenAsync(options, ct);
                    }
                    catch (Exception e) when (e is SmtpSessionException || TransactionRunner.IsLoss(e))
                    {
                        batch.NoteProblem(ct.IsCancellationRequested ? "cancelled" : $"could not open an SMTP session: {e.Message}");
                        if (++failures >= options.MaxReconnects || ct.IsCancellationRequested) return;
                        await PauseAsync(failures, ct);
                        continue;
                    }
                }
                var runner = new TransactionRunner(session, batch, preparer);
                try
                {
                    session.Wire.Use(ct);
                    await runner.RunAsync(ct);
                }
                catch (SmtpConnectionLostException e)
                {
                    batch.NoteProblem(e.Message);
                    await session.DisposeAsync();
                    session = null;
                    failures = runner.Finished > 0 ? 1 : failures + 1;
                    if (failures >= options.MaxReconnects) return;
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                if (disposed) await CloseAsync(session);
                else idle.Add(session);
            }
            slots.Release();
        }
    }

    private async Task<SmtpSession?> TakeIdleAsync()
    {
        while (idle.TryTake(out var session))
        {
            if (session.LooksAlive()) return session;
            await session.DisposeAsync();
        }
        return null;
    }

    private static async Task PauseAsync(int failures, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 * failures), ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task CloseAsync(SmtpSession session)
    {
        await session.QuitAsync();
        await session.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        while (idle.TryTake(out var session)) await CloseAsync(session);
    }
}
