using Compliance.Domain.Audit;
using NodaTime;

namespace Compliance.Tests.Foundation;

public sealed class AuditChainTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
            entries.Add(AuditEntry.Follow(entries.LastOrDefault(), Org, null, T0 + Duration.FromMinutes(i), "lead@example.org",
                "incident.updated", $$"""{"field":"count","after":{{i}}}"""));
        return entries;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var verdict = AuditChain.Verify(Chain(5));
        Assert.True(verdict.Intact);
    }

    [Fact]
    public void Removing_a_line_is_detected_at_the_gap()
    {
        var entries = Chain(5);
        entries.RemoveAt(2);
        var verdict = AuditChain.Verify(entries);
        Assert.False(verdict.Intact);
        Assert.Equal(4, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void Editing_a_line_is_detected_even_when_its_own_hash_is_recomputed_by_the_tamperer()
    {
        var entries = Chain(4);
        // The tamperer rewrites entry 2 consistently with itself; entry 3 still points at the old hash.
        entries[1] = AuditEntry.Follow(entries[0], Org, null, entries[1].At, "lead@example.org", "incident.updated", """{"field":"count","after":999}""");
        var verdict = AuditChain.Verify(entries);
        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_so_PostgreSQL_round_trips_keep_the_hash()
    {
        var entry = AuditEntry.Follow(null, Org, null, T0 + Duration.FromNanoseconds(1_234_567), "a", "b", "{}");
        Assert.Equal(T0 + Duration.FromNanoseconds(1_234_000), entry.At);
    }
}
