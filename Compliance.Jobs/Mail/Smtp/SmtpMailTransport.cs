using System.Collections.Concurrent;
using Compliance.Jobs.Mail.Mime;
using MailKit.Net.Smtp;
using MimeKit;
using NodaTime;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>
/// SMTP through MailKit for reminders and notice campaigns alike: a pool of persistent connections, one MailKit
/// <see cref="SmtpClient"/> each, reconnecting after a loss. Results follow the send log's rules: 2xx Sent, 4xx or a
/// lost connection RetryLater, 5xx Failed, each with the server's reply.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport, IBulkMailTransport, IAsyncDisposable
{
    private readonly SmtpTransportOptions options;
    private readonly SmtpConnector connector;
    private readonly MessageFactory factory;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<SmtpClient> idle = [];
    private volatile bool disposed;

    public SmtpMailTransport(SmtpTransportOptions options, IClock clock)
    {
        options.Validate();
        this.options = options;
        connector = new SmtpConnector(options);
        factory = new MessageFactory(options.FromAddress, options.FromName, clock);
        slots = new SemaphoreSlim(options.Connections, options.Connections);
    }

    /// <summary>The message as MimeKit writes it for this mail, before dot-stuffing (for previews, sizes and tests).</summary>
    /// <exception cref="FormatException">The mail cannot be written as a valid message.</exception>
    public byte[] Render(OutgoingMail mail)
    {
        using var buffer = new MemoryStream();
        using var message = factory.Build(mail, new ReleaseGate(null));
        message.WriteTo(MessageFactory.Wire, buffer);
        return buffer.ToArray();
    }

    public async Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default) =>
        (await SendManyAsync([mail], null, ct))[0];

    /// <summary>
    /// Sends every message over up to <see cref="SmtpTransportOptions.Connections"/> connections and returns one
    /// result per message, in order. It does not throw for a server or network problem, nor on cancellation:
    /// messages not yet handed to the server come back RetryLater, so the caller always learns what was sent.
    /// </summary>
    public Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken ct = default) =>
        SendManyAsync(mails, null, ct);

    /// <summary>
    /// As <see cref="SendManyAsync(IReadOnlyList{OutgoingMail}, CancellationToken)"/>, and each message is released to
    /// the server (its final ".") only after <paramref name="handOff"/> has recorded it.
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
        var client = await TakeIdleAsync(ct);
        var failures = 0;
        try
        {
            while (batch.HasWork)
            {
                if (client is null)
                {
                    try
                    {
                        client = await connector.OpenAsync(ct);
                    }
                    catch (Exception e) when (e is SmtpOpenException or OperationCanceledException)
                    {
                        batch.NoteProblem(ct.IsCancellationRequested ? "cancelled" : e.Message);
                        if (++failures >= options.MaxReconnects || ct.IsCancellationRequested) return;
                        await PauseAsync(failures, ct);
                        continue;
                    }
                }
                var runner = new ConnectionRunner(client, batch, factory);
                try
                {
                    await runner.RunAsync(ct);
                }
                catch (SmtpConnectionLostException e)
                {
                    batch.NoteProblem(e.Message);
                    client.Dispose();
                    client = null;
                    failures = runner.Finished > 0 ? 1 : failures + 1;
                    if (failures >= options.MaxReconnects) return;
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                if (disposed) await CloseAsync(client);
                else idle.Add(client);
            }
            slots.Release();
        }
    }

    // A pooled client may have been hung up on while it sat idle, and MailKit only learns that from its next command:
    // one NOOP per connection per batch finds out before a message is risked on it.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(10);

    private async Task<SmtpClient?> TakeIdleAsync(CancellationToken ct)
    {
        while (idle.TryTake(out var client))
        {
            try
            {
                if (client.IsConnected)
                {
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    limit.CancelAfter(IdleCheck);
                    await client.NoOpAsync(limit.Token);
                    return client;
                }
            }
            catch (Exception e) when (SmtpReplies.IsLoss(e) || e is SmtpCommandException)
            {
                // Gone while idle: a fresh connection replaces it.
            }
            client.Dispose();
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

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (SmtpReplies.IsLoss(e) || e is SmtpCommandException)
        {
            // Already gone: nothing to say goodbye to.
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        while (idle.TryTake(out var client)) await CloseAsync(client);
    }
}
