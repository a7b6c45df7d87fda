namespace Compliance.Domain.Audit;

/// <summary>Checks one organisation's log, in sequence order, for edits, removals and reordering.</summary>
public static class AuditChain
{
    public sealed record Verdict(bool Intact, long? FirstBrokenSequence, string? Problem);

    public static Verdict Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var expectedPrevious = AuditEntry.GenesisHash;
        var expectedSequence = 1L;
        foreach (var e in entriesInOrder)
        {
            if (e.Sequence != expectedSequence)
                return new(false, e.Sequence, $"entry {expectedSequence} is missing");
            if (e.PreviousHash != expectedPrevious)
                return new(false, e.Sequence, "the link to the previous entry is broken");
            if (!e.HashIsIntact())
                return new(false, e.Sequence, "the entry was changed after it was written");
            expectedPrevious = e.Hash;
            expectedSequence++;
        }
        return new(true, null, null);
    }
}
