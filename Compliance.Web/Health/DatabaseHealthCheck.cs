using Compliance.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Web.Health;

/// <summary>
/// Healthy when the database answers, every migration has been applied and it can take writes: a read-only file or
/// replica, or a disk with almost no room left, is reported before the first save fails.
/// </summary>
public sealed class DatabaseHealthCheck(ComplianceDbContext db, DatabaseOptions options) : IHealthCheck
{
    /// <summary>Below this much free space on the SQLite file's disk, writes are about to fail.</summary>
    public const long MinimumFreeBytes = 50L * 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString() };
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return HealthCheckResult.Unhealthy("The database cannot be reached.", data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            data["pendingMigrations"] = pending.Count;
            if (pending.Count > 0) return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) have not been applied; run 'migrate'.", data: data);
            var unwritable = await WhyUnwritableAsync(ct);
            data["writable"] = unwritable is null;
            return unwritable is null
                ? HealthCheckResult.Healthy("The database is reachable, up to date and writable.", data)
                : HealthCheckResult.Unhealthy($"The database cannot take writes: {unwritable}", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database failed: {e.Message}", data: data);
        }
    }

    private async Task<string?> WhyUnwritableAsync(CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(ct);
            return readOnly == "on" ? "the server accepts only reads (a replica, or default_transaction_read_only)." : null;
        }
        if (options.Provider != DatabaseProvider.Sqlite) return null;

        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && new DriveInfo(folder).AvailableFreeSpace < MinimumFreeBytes)
            return $"the disk holding {file} has less than {MinimumFreeBytes / 1024 / 1024} MB free.";
        // A write that is rolled back: it fails on a read-only file or connection and changes nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA user_version = 0", ct);
            return null;
        }
        catch (SqliteException e) when (DatabaseUnavailable.IsUnavailable(e))
        {
            return $"{e.Message.TrimEnd('.')}.";
        }
        finally
        {
            await transaction.RollbackAsync(ct);
        }
    }
}
