using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence;

/// <summary>
/// Databases built before migrations were generated carry the hand-written migrations' ids in their history. The
/// generated baseline creates exactly the schema those eight built, so on such a database it is recorded as applied
/// instead of run (which would fail on tables that exist); later migrations then apply as usual. A history with only
/// some of the old ids is an installation stopped half-way through an old upgrade: start-up refuses it rather than guess.
/// </summary>
public static class LegacyHistory
{
    public static readonly IReadOnlyList<string> HandWrittenIds =
    [
        "20261122000000_Initial", "20261122120000_Workspace", "20261122140000_Reminders", "20261122160000_Filings",
        "20261122180000_AffectedPeople", "20261122190000_UserLanguage", "20261122200000_NoticeDrafts", "20261122210000_Campaigns",
    ];

    /// <returns>True when the baseline was recorded now.</returns>
    public static async Task<bool> AdoptAsync(ComplianceDbContext db, CancellationToken ct = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return false;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        var old = HandWrittenIds.Count(applied.Contains);
        if (old == 0) return false;
        var baseline = BaselineId(db);
        if (applied.Contains(baseline)) return false;
        if (old < HandWrittenIds.Count)
            throw new ConfigurationProblem(
                $"The database's migration history stops at '{HandWrittenIds.Last(applied.Contains)}', part-way through the old migrations; upgrade it with the release before per-provider migrations first.");

        var insert = history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion()));
        try
        {
            await db.Database.ExecuteSqlRawAsync(insert, ct);
            return true;
        }
        catch (Exception)
        {
            // Another node starting at the same moment may have recorded it first; anything else is a real failure.
            if ((await history.GetAppliedMigrationsAsync(ct)).Any(r => r.MigrationId == baseline)) return false;
            throw;
        }
    }

    /// <summary>The first generated migration of the context's provider: the schema of 22 November 2026.</summary>
    public static string BaselineId(ComplianceDbContext db) =>
        db.Database.GetMigrations().First(id => id.EndsWith("_Baseline", StringComparison.Ordinal));
}
