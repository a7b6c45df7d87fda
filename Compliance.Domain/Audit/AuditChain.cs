using NodaTime.Text;

namespace Compliance.Domain.Audit;

/// <summary>
/// Checks one organisation's log, in sequence order, for edits, removals and reordering; with the head's counter and
/// the last signed checkpoint (kept outside the database), also for a cut tail, a deleted log and a recomputed chain.
/// </summary>
public static class AuditChain
{
    public sealed record Verdict(bool Intact, long? FirstBrokenSequence, string? Problem);

    public static Verdict Verify(IEnumerable<AuditEntry> entriesInOrder, AuditSeal? seal, long? headSequence = null, AuditCheckpoint? checkpoint = null)
    {
        var walk = new Walk(seal, checkpoint);
        foreach (var e in entriesInOrder)
            if (walk.Step(e) is { } broken) return broken;
        return walk.End(headSequence);
    }

    /// <summary>
    /// The same verdict over a log read as it streams: only the entry being checked is held, so a log of any length is
    /// verified in constant memory. <paramref name="headSequence"/> is asked for after the last entry, as the head is
    /// read after the log. Also gives the last entry checked (the one a checkpoint holds when the log is intact).
    /// </summary>
    public static async Task<(Verdict Verdict, AuditEntry? Last)> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, AuditSeal? seal,
        Func<CancellationToken, Task<long?>> headSequence, AuditCheckpoint? checkpoint, CancellationToken ct)
    {
        var walk = new Walk(seal, checkpoint);
        await foreach (var e in entriesInOrder.WithCancellation(ct))
            if (walk.Step(e) is { } broken) return (broken, walk.Last);
        return (walk.End(await headSequence(ct)), walk.Last);
    }

    /// <summary>One pass along a log in sequence order: each entry is checked against the one before it.</summary>
    private sealed class Walk(AuditSeal? seal, AuditCheckpoint? checkpoint)
    {
        private string expectedPrevious = AuditEntry.GenesisHash;
        private long expectedSequence = 1L;
        private bool keyed;

        public AuditEntry? Last { get; private set; }

        /// <summary>Null while the log holds; the verdict at the first broken entry.</summary>
        public Verdict? Step(AuditEntry e)
        {
            Last = e;
            if (e.Sequence != expectedSequence)
                return new(false, e.Sequence, $"entry {expectedSequence} is missing");
            if (e.PreviousHash != expectedPrevious)
                return new(false, e.Sequence, "the link to the previous entry is broken");
            if (keyed && e.ChainVersion != AuditEntry.KeyedVersion)
                return new(false, e.Sequence, "an unkeyed entry follows keyed ones: the chain was rewritten");
            if (!e.HashIsIntact(seal))
                return new(false, e.Sequence, seal is null && e.ChainVersion == AuditEntry.KeyedVersion
                    ? "the entry is keyed and no audit key was given"
                    : "the entry was changed after it was written, or written without the audit key");
            if (checkpoint is not null && e.Sequence == checkpoint.Sequence && e.Hash != checkpoint.Hash)
                return new(false, e.Sequence, $"the entry differs from the checkpoint of {Format(checkpoint)}: the log was rewritten");
            keyed |= e.ChainVersion == AuditEntry.KeyedVersion;
            expectedPrevious = e.Hash;
            expectedSequence++;
            return null;
        }

        /// <summary>The verdict once every entry passed: nothing may be missing after the last one.</summary>
        public Verdict End(long? headSequence)
        {
            var last = expectedSequence - 1;
            if (checkpoint is not null && checkpoint.Sequence > last)
                return new(false, last + 1, last == 0
                    ? $"the log is empty but the checkpoint of {Format(checkpoint)} holds entry {checkpoint.Sequence}: the log was deleted"
                    : $"the log ends at entry {last} but the checkpoint of {Format(checkpoint)} holds entry {checkpoint.Sequence}: newer entries were deleted");
            if (headSequence is { } head && head > last)
                return new(false, last + 1, $"the log ends at entry {last} but numbers up to {head} were handed out: newer entries were deleted");
            return new(true, null, null);
        }
    }

    private static string Format(AuditCheckpoint c) => InstantPattern.General.Format(c.At);
}
