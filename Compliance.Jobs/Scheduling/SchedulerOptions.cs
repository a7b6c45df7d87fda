using Compliance.Domain.Persistence;
using Microsoft.Data.Sqlite;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Where Quartz keeps its persistent store. On PostgreSQL it shares the application's database and runs
/// clustered; on SQLite it uses a file of its own beside the application's (Quartz refuses clustering on
/// SQLite, and a second writer on the same file would contend for its lock).
/// </summary>
public sealed record SchedulerOptions(DatabaseProvider Provider, string ConnectionString, bool Clustered, bool Enabled)
{
    public static SchedulerOptions For(DatabaseOptions database, string? overrideConnection, bool enabled = true)
    {
        if (database.Provider == DatabaseProvider.Postgres)
            return new(DatabaseProvider.Postgres, overrideConnection ?? database.ConnectionString, Clustered: true, enabled);

        if (overrideConnection is not null) return new(DatabaseProvider.Sqlite, overrideConnection, Clustered: false, enabled);
        // No Quartz store on SQL Server yet (the scheduler is being replaced): one node, a SQLite file in ./data.
        if (database.Provider == DatabaseProvider.SqlServer)
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine("data", "compliance.scheduler.db")}", Clustered: false, enabled);
        var appFile = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(appFile)) ?? ".";
        var schedulerFile = Path.Combine(folder, Path.GetFileNameWithoutExtension(appFile) + ".scheduler.db");
        return new(DatabaseProvider.Sqlite, $"Data Source={schedulerFile}", Clustered: false, enabled);
    }
}
