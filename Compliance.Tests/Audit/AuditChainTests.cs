using Compliance.Domain.Audit;
using NodaTime;
using Compliance.Tests.Foundation;

namespace Compliance.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 9, 0);
    private static readonly AuditSeal Key = AuditSeal.FromKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly AuditSeal AttackersKey = AuditSeal.FromKey(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

    private static List<AuditEntry> Chain(int length, AuditSeal? seal = null)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < length; i++) entries.Add(Next(entries.LastOrDefault(), i, seal ?? Key));
        return entries;
    }

    private static AuditEntry Next(AuditEntry? previous, int count, AuditSeal seal) =>
        AuditEntry.Follow(previous, seal, Org, null, T0 + Duration.FromMinutes(count), "lead@example.org", "incident.updated",
            $$"""{"field":"count","after":{{count}}}""");

    private static AuditCheckpoint CheckpointOf(AuditEntry last) => new(Org, "rights-watch", last.Sequence, last.Hash, T0 + Duration.FromDays(1));

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var verdict = AuditChain.Verify(Chain(5), Key);
        Assert.True(verdict.Intact);
    }

    [Fact]
    public void Removing_a_line_is_detected_at_the_gap()
    {
        var entries = Chain(5);
        entries.RemoveAt(2);
        var verdict = AuditChain.Verify(entries, Key);
        Assert.False(verdict.Intact);
        Assert.Equal(4, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void Editing_a_line_is_detected_even_when_its_own_hash_is_recomputed_by_the_tamperer()
    {
        var entries = Chain(4);
        // The tamperer rewrites entry 2 consistently with itself; entry 3 still points at the old hash.
        entries[1] = AuditEntry.Follow(entries[0], Key, Org, null, entries[1].At, "lead@example.org", "incident.updated", """{"field":"count","after":999}""");
        var verdict = AuditChain.Verify(entries, Key);
        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void A_line_rewritten_with_every_later_hash_recomputed_without_the_key_is_detected()
    {
        var entries = Chain(5);
        // Someone who can write the database, but has not got the key, rewrites entry 2 and recomputes the rest.
        var forged = entries.Take(1).ToList();
        for (var i = 1; i < 5; i++) forged.Add(Next(forged[^1], i == 1 ? 999 : i, AttackersKey));
        var verdict = AuditChain.Verify(forged, Key);
        Assert.False(verdict.Intact);
        Assert.Equal(2, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void A_chain_rewritten_as_plain_SHA256_from_one_line_on_is_detected()
    {
        var entries = Chain(5);
        var forged = entries.Take(2).ToList();
        for (var i = 2; i < 5; i++)
            forged.Add(AuditEntry.Unkeyed(forged[^1], Org, null, entries[i].At, "lead@example.org", "incident.updated", """{"field":"count","after":0}"""));
        var verdict = AuditChain.Verify(forged, Key);
        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void A_whole_log_recomputed_as_plain_SHA256_is_caught_by_the_checkpoint()
    {
        var entries = Chain(4);
        var checkpoint = CheckpointOf(entries[^1]);
        var forged = new List<AuditEntry>();
        foreach (var e in entries) forged.Add(AuditEntry.Unkeyed(forged.LastOrDefault(), Org, null, e.At, e.Actor, e.Action, e.Data));
        Assert.True(AuditChain.Verify(forged, Key).Intact); // on its own, a consistent unkeyed log looks like one from before the key
        var verdict = AuditChain.Verify(forged, Key, checkpoint: checkpoint);
        Assert.False(verdict.Intact);
        Assert.Equal(4, verdict.FirstBrokenSequence);
        Assert.Contains("rewritten", verdict.Problem);
    }

    [Fact]
    public void Cutting_the_newest_lines_is_detected_by_the_head_and_by_the_checkpoint()
    {
        var entries = Chain(5);
        var checkpoint = CheckpointOf(entries[^1]);
        var cut = entries.Take(3).ToList();
        Assert.True(AuditChain.Verify(cut, Key).Intact); // what the old verify said: a shorter chain is still a chain

        var byHead = AuditChain.Verify(cut, Key, headSequence: 5);
        Assert.False(byHead.Intact);
        Assert.Equal(4, byHead.FirstBrokenSequence);

        var byCheckpoint = AuditChain.Verify(cut, Key, headSequence: 3, checkpoint);
        Assert.False(byCheckpoint.Intact);
        Assert.Equal(4, byCheckpoint.FirstBrokenSequence);
        Assert.Contains("newer entries were deleted", byCheckpoint.Problem);
    }

    [Fact]
    public void Deleting_the_whole_log_is_detected_by_the_checkpoint()
    {
        var checkpoint = CheckpointOf(Chain(3)[^1]);
        var verdict = AuditChain.Verify([], Key, headSequence: null, checkpoint);
        Assert.False(verdict.Intact);
        Assert.Contains("the log was deleted", verdict.Problem);
    }

    [Fact]
    public void Lines_written_before_the_key_still_verify_and_the_first_keyed_line_seals_them()
    {
        var legacy = new List<AuditEntry>();
        for (var i = 0; i < 3; i++)
            legacy.Add(AuditEntry.Unkeyed(legacy.LastOrDefault(), Org, null, T0 + Duration.FromMinutes(i), "lead@example.org", "incident.updated", "{}"));
        var entries = legacy.Append(Next(legacy[^1], 3, Key)).ToList();
        Assert.True(AuditChain.Verify(entries, Key).Intact);

        // Rewriting an old line now breaks the link of the first keyed one, which nobody can recompute without the key.
        entries[2] = AuditEntry.Unkeyed(entries[1], Org, null, entries[2].At, "someone-else", "incident.updated", "{}");
        var verdict = AuditChain.Verify(entries, Key);
        Assert.False(verdict.Intact);
        Assert.Equal(4, verdict.FirstBrokenSequence);
    }

    [Fact]
    public void Keyed_lines_cannot_be_verified_without_the_key()
    {
        var verdict = AuditChain.Verify(Chain(2), seal: null);
        Assert.False(verdict.Intact);
        Assert.Contains("no audit key", verdict.Problem);
    }

    [Fact]
    public async Task Checkpoints_read_back_and_a_forged_one_is_named_and_ignored()
    {
        var folder = Path.Combine(Path.GetTempPath(), "compliance-tests", "checkpoints-" + Guid.NewGuid().ToString("N"));
        var checkpoints = new AuditCheckpoints(folder, Key);
        var entries = Chain(3);
        Assert.True(await checkpoints.WriteAsync(Org, "rights-watch", entries[1], T0));
        Assert.False(await checkpoints.WriteAsync(Org, "rights-watch", entries[1], T0 + Duration.FromHours(1))); // nothing new
        Assert.True(await checkpoints.WriteAsync(Org, "rights-watch", entries[2], T0 + Duration.FromHours(2)));
        // A forger with file access but not the key adds a checkpoint that would hide a cut.
        await new AuditCheckpoints(folder, AttackersKey).WriteAsync(Org, "rights-watch", entries[0], T0 + Duration.FromHours(3));

        var reading = await checkpoints.ReadAsync(Org);
        Assert.Equal(3, reading.Latest!.Sequence);
        Assert.Equal(entries[2].Hash, reading.Latest.Hash);
        var problem = Assert.Single(reading.Problems);
        Assert.Contains("line 3", problem);
        Assert.Equal([Org], checkpoints.Organisations());
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_so_PostgreSQL_round_trips_keep_the_hash()
    {
        var entry = AuditEntry.Follow(null, Key, Org, null, T0 + Duration.FromNanoseconds(1_234_567), "a", "b", "{}");
        Assert.Equal(T0 + Duration.FromNanoseconds(1_234_000), entry.At);
    }

    [Fact]
    public void The_audit_key_file_is_created_once_readable_by_its_owner_only_and_then_reused()
    {
        var path = Path.Combine(Path.GetTempPath(), "compliance-tests", "audit-key-" + Guid.NewGuid().ToString("N"), "chain.key");
        var first = AuditSeal.FromFile(path);
        var mac = first.Mac("entry");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(mac, AuditSeal.FromFile(path).Mac("entry"));   // a restart, or a worker with the same folder
        Assert.NotEqual(mac, AuditSeal.FromFile(path + ".other").Mac("entry"));
    }
}
