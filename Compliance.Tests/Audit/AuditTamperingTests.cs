using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Compliance.Tests.Foundation;

namespace Compliance.Tests.Audit;

/// <summary>
/// Someone who can write the database (not the audit key, not the checkpoint folder) tries to hide what happened.
/// <c>audit verify</c> checkpoints the log outside the database first, as the hourly job does.
/// </summary>
public sealed class AuditTamperingTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");

    private static Task<(int Code, string Out, string Err)> Verify(DatabaseOptions db) => Cli.RunAsync(db, Clock, "", "audit", "verify", "--org", "demo");

    private static async Task<(DatabaseOptions Db, long Last)> CheckpointedDemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db)) await DemoSeeder.SeedAsync(ctx, Clock);
        var first = await Verify(db);
        Assert.True(first.Code == 0, first.Out + first.Err);
        Assert.Contains("checkpointed", first.Out);
        await using var read = ComplianceDatabase.CreateContext(db);
        return (db, await read.AuditEntries.MaxAsync(e => e.Sequence));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deleting_the_newest_entries_is_detected_and_their_numbers_are_never_handed_out_again(DatabaseProvider provider)
    {
        var (db, last) = await CheckpointedDemoAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db))
            await ctx.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE \"Sequence\" > {last - 2}");

        var broken = await Verify(db);
        Assert.Equal(1, broken.Code);
        Assert.Contains($"demo: BROKEN at entry {last - 1}", broken.Out);

        // The next change is numbered after the deleted ones, not in their place.
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            await new AuditLog(ctx, Clock).AppendAsync(DemoSeeder.OrganisationId, null, "lead@demo.example", "incident.updated", new { });
            await ctx.SaveChangesAsync();
        }
        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal(last + 1, await read.AuditEntries.MaxAsync(e => e.Sequence));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deleting_an_organisations_whole_log_and_its_head_is_detected(DatabaseProvider provider)
    {
        var (db, last) = await CheckpointedDemoAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            await ctx.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries");
            await ctx.Database.ExecuteSqlRawAsync("DELETE FROM audit_heads");
        }

        var broken = await Verify(db);
        Assert.Equal(1, broken.Code);
        Assert.Contains("demo: BROKEN at entry 1", broken.Out);
        Assert.Contains($"holds entry {last}: the log was deleted", broken.Out);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Editing_an_entry_and_recomputing_every_later_hash_with_plain_SHA256_is_detected(DatabaseProvider provider)
    {
        var (db, _) = await CheckpointedDemoAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            var entries = await ctx.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            // What the old chain allowed: change entry 2, then recompute it and every later hash, unkeyed.
            AuditEntry? previous = entries[0];
            foreach (var e in entries.Skip(1))
            {
                var forged = AuditEntry.Unkeyed(previous, e.OrganisationId, e.IncidentId, e.At, e.Sequence == 2 ? "someone-else" : e.Actor, e.Action, e.Data);
                await ctx.Database.ExecuteSqlAsync(
                    $"UPDATE audit_entries SET \"Actor\" = {forged.Actor}, \"PreviousHash\" = {forged.PreviousHash}, \"Hash\" = {forged.Hash}, \"ChainVersion\" = 0 WHERE \"Id\" = {e.Id}");
                previous = forged;
            }
            await ctx.Database.ExecuteSqlAsync($"UPDATE audit_heads SET \"LastHash\" = {previous.Hash}");
        }

        var broken = await Verify(db);
        Assert.Equal(1, broken.Code);
        Assert.Contains("demo: BROKEN at entry 2", broken.Out);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_checkpoint_is_written_again_only_when_the_log_has_grown(DatabaseProvider provider)
    {
        var (db, _) = await CheckpointedDemoAsync(provider);
        var again = await Verify(db);
        Assert.Equal(0, again.Code);
        Assert.DoesNotContain("checkpointed", again.Out);
        var quiet = await Cli.RunAsync(db, Clock, "", "audit", "checkpoint");
        Assert.Equal((0, ""), (quiet.Code, quiet.Out));
    }
}
