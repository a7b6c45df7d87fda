using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence;

/// <summary>
/// Databases built before migrations were generated carry hand-written migrations' ids in their history. Each
/// <see cref="Step"/> names a generated migration that creates exactly what a group of hand-written ones did; on such a
/// database it is recorded as applied instead of run (which would fail on tables that exist), and the generated
/// migrations after the last complete group then apply as usual. A group found only in part is an installation stopped
/// half-way through an old upgrade: start-up refuses it rather than guess.
/// </summary>
public static class LegacyHistory
{
    /// <param name="Generated">The generated migration's name (its id without the timestamp, which differs per provider).</param>
    /// <param name="HandWritten">The hand-written migrations' ids it stands for, in order.</param>
    public sealed record Step(string Generated, IReadOnlyList<string> HandWritten);

    // A hand-written migration released before generated ones took over goes here, in a step of its own, with the
    // generated migration that replaces it (README, "Developing: database migrations").
    public static readonly IReadOnlyList<Step> Steps =
    [
        new("Baseline", [
            "20261122000000_Initial", "20261122120000_Workspace", "20261122140000_Reminders", "20261122160000_Filings",
            "20261122180000_AffectedPeople", "20261122190000_UserLanguage", "20261122200000_NoticeDrafts", "20261122210000_Campaigns",
        ]),
    ];

    public static IReadOnlyList<string> HandWrittenIds => [.. Steps.SelectMany(s => s.HandWritten)];

    /// <returns>True when some generated migration was recorded now.</returns>
    public static async Task<bool> AdoptAsync(ComplianceDbContext db, CancellationToken ct = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return false;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        if (!HandWrittenIds.Any(applied.Contains)) return false;

        var recorded = false;
        foreach (var step in Steps)
        {
            var generated = GeneratedId(db, step.Generated);
            if (applied.Contains(generated)) continue;
            var found = step.HandWritten.Count(applied.Contains);
            if (found == 0) break; // from here on the generated migrations do the work
            if (found < step.HandWritten.Count)
                throw new ConfigurationProblem(
                    $"The database's migration history stops at '{step.HandWritten.Last(applied.Contains)}', part-way through the old migrations; upgrade it with the release before per-provider migrations first.");
            recorded |= await RecordAsync(db, history, generated, ct);
        }
        return recorded;
    }

    private static async Task<bool> RecordAsync(ComplianceDbContext db, IHistoryRepository history, string id, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())), ct);
            return true;
        }
        catch (Exception)
        {
            // Another node starting at the same moment may have recorded it first; anything else is a real failure.
            if ((await history.GetAppliedMigrationsAsync(ct)).Any(r => r.MigrationId == id)) return false;
            throw;
        }
    }

    /// <summary>The first generated migration of the context's provider: the schema of 22 November 2026.</summary>
    public static string BaselineId(ComplianceDbContext db) => GeneratedId(db, Steps[0].Generated);

    /// <summary>The provider's id of the generated migration called <paramref name="name"/>.</summary>
    public static string GeneratedId(ComplianceDbContext db, string name) =>
        db.Database.GetMigrations().Single(id => id.EndsWith("_" + name, StringComparison.Ordinal));
}
