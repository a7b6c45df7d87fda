using Compliance.Domain.Notices;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Scheduling;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// What the transport said of each notice of a chunk, and when its hand-off and its acceptance were committed (null:
/// never released, or accepted only in the results).
/// </summary>
internal sealed record Delivered(IReadOnlyList<MailResult> Results, Instant?[] HandedAt, Instant?[] AcceptedAt);

/// <summary>
/// Hands a chunk to the bulk transport over its connections, which releases each message only after its hand-off is
/// committed (<see cref="GroupCommitHandOff"/>, on the chunk's send log).
/// </summary>
internal sealed class ChunkDelivery(IBulkMailTransport transport, IClock clock)
{
    public async Task<Delivered> SendAsync(IReadOnlyList<ComposedNotice> sending, RecipientLogWriter sendLog, Lease lease, SendTally tally,
        CancellationToken ct)
    {
        var handedAt = new Instant?[sending.Count];
        var acceptedAt = new Instant?[sending.Count];
        var handOff = new GroupCommitHandOff(async group =>
        {
            // A holder that stalled past its lease may have been replaced, and its claims requeued: then these
            // messages must not leave. Throwing here means they are never released.
            if (!lease.SafeToActAt(clock.GetCurrentInstant())) throw new LeaseLostException(lease.Name);
            var at = clock.GetCurrentInstant();
            await sendLog.CommitHandOffAsync(at,
                group.Released.Select(i => new RecipientLogWriter.Released(sending[i].Row.PersonId, sending[i].Mail.MessageId, sending[i].Template)).ToList(),
                group.Accepted.Select(a => new RecipientLogWriter.Accepted(sending[a.Index].Row.PersonId, MailResult.Stored(a.Reply))).ToList(),
                group.Withdrawn.Select(i => sending[i].Row.PersonId).ToList());
            foreach (var i in group.Released) handedAt[i] = at;
            foreach (var i in group.Withdrawn) handedAt[i] = null;
            foreach (var (i, _) in group.Accepted) acceptedAt[i] = at;
        });
        var results = sending.Count == 0 ? [] : await transport.SendManyAsync(sending.Select(s => s.Mail).ToList(), handOff, ct);
        await handOff.DrainAsync();
        // Records withdrawn after the last commit: those messages were never released, and their results say so.
        foreach (var i in handOff.Uncommitted()) handedAt[i] = null;
        tally.Commits += handOff.Commits;
        tally.CommitTime += handOff.CommitTime;
        return new Delivered(results, handedAt, acceptedAt);
    }
}
