using Compliance.Domain.Persistence;
using Microsoft.Data.Sqlite;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Where Hangfire keeps its job store, and whether this process runs a Hangfire server. On PostgreSQL and SQL Server
/// the store lives in the application's database (schema <c>hangfire</c>) and several servers share it; on SQLite it
/// is a file of its own beside the application's (<c>compliance.scheduler.db</c>), for one server per file.
/// </summary>
public sealed record SchedulerOptions(DatabaseProvider Provider, string ConnectionString, bool Enabled)
{
    /// <summary>Several servers can share this store (every store but SQLite).</summary>
    public bool Shared => Provider != DatabaseProvider.Sqlite;

    /// <summary>Lease lifetime (<c>Scheduler:LeaseSeconds</c>): how long work a dead server held waits before another takes it.</summary>
    public int LeaseSeconds { get; init; } = LeaseSettings.Default.Seconds;

    /// <summary>Jobs one server runs at once (<c>Scheduler:Workers</c>).</summary>
    public int Workers { get; init; } = 4;

    public static SchedulerOptions For(DatabaseOptions database, string? overrideConnection, bool enabled = true)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            return new(database.Provider, overrideConnection ?? database.ConnectionString, enabled);

        if (overrideConnection is not null) return new(DatabaseProvider.Sqlite, overrideConnection, enabled);
        var appFile = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(appFile)) ?? ".";
        var schedulerFile = Path.Combine(folder, Path.GetFileNameWithoutExtension(appFile) + ".scheduler.db");
        return new(DatabaseProvider.Sqlite, $"Data Source={schedulerFile}", enabled);
    }

    /// <summary>The SQLite store's file (Hangfire.Storage.SQLite takes a path, not a connection string).</summary>
    public string SqliteFile => new SqliteConnectionStringBuilder(ConnectionString).DataSource;
}
