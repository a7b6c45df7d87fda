using Compliance.Domain.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Hangfire's job store on the configured database, built as an instance (not Hangfire's static JobStorage.Current),
/// so that several apps in one process, as in the tests, each keep their own.
/// </summary>
public static class JobStore
{
    /// <summary>A job whose server died is taken up again after this long (a live server keeps pushing it out).</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(45);

    public static JobStorage Create(SchedulerOptions options) => options.Provider switch
    {
        DatabaseProvider.Postgres => Postgres(options.ConnectionString),
        DatabaseProvider.SqlServer => new SqlServerStorage(options.ConnectionString, new SqlServerStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.Zero,     // Hangfire's recommended setting: short blocking polls
            SlidingInvisibilityTimeout = InvisibilityTimeout,
        }),
        _ => new SQLiteStorage(PreparedFile(options.SqliteFile), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(1),
            InvisibilityTimeout = InvisibilityTimeout,
        }),
    };

    private static PostgreSqlStorage Postgres(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = true,   // LISTEN/NOTIFY: an enqueued job starts in another process within milliseconds
            QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = InvisibilityTimeout,
            // Its locks are rows: one held by a server killed with SIGKILL blocks the recurring scheduler until it is
            // this old (10 min by default). Hangfire holds them for moments, and our leases do not rely on them.
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    private static string PreparedFile(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        return file;
    }
}
