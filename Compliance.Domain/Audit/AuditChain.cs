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
        var expectedPrevious = AuditEntry.GenesisHash;
        var expectedSequence = 1L;
        var keyed = false;
        foreach (var e in entriesInOrder)
        {
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
        }

        var last = expectedSequence - 1;
        if (checkpoint is not null && checkpoint.Sequence > last)
            return new(false, last + 1, last == 0
                ? $"the log is empty but the checkpoint of {Format(checkpoint)} holds entry {checkpoint.Sequence}: the log was deleted"
                : $"the log ends at entry {last} but the checkpoint of {Format(checkpoint)} holds entry {checkpoint.Sequence}: newer entries were deleted");
        if (headSequence is { } head && head > last)
            return new(false, last + 1, $"the log ends at entry {last} but numbers up to {head} were handed out: newer entries were deleted");
        return new(true, null, null);
    }

    private static string Format(AuditCheckpoint c) => InstantPattern.General.Format(c.At);
}
