using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Compliance.Domain.Persistence;

/// <summary>Turns <see cref="DatabaseOptions"/> into EF Core options, and checks the database is usable.</summary>
public static class ComplianceDatabase
{
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite: builder.UseSqlite(options.ConnectionString); break;
            case DatabaseProvider.Postgres: builder.UseNpgsql(PostgresConnection(options.ConnectionString)); break;
            case DatabaseProvider.SqlServer: builder.UseSqlServer(options.ConnectionString); break;
            default: throw new ArgumentOutOfRangeException(nameof(options));
        }
        if (options.AuditSeal is { } seal)
            ((Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new AuditSealExtension(seal));
    }

    /// <summary>
    /// The PostgreSQL connection string EF uses: the operator's, with two of Npgsql's settings changed unless it names them.
    /// <list type="bullet">
    /// <item>Automatic preparation on. Every page sends the same few statements (the session, the membership, the
    /// organisation's rules...); prepared once per connection they skip the server's parse and plan, which on the bench
    /// federation gave the dashboard 22% and the incident page 34% more requests a second. <c>Max Auto Prepare=0</c>
    /// turns it off (a pooler in transaction mode older than PgBouncer 1.21 cannot keep prepared statements).</item>
    /// <item>No reset when a connection goes back to the pool. With prepared statements kept, Npgsql resets a returned
    /// connection with seven statements (<c>SET SESSION AUTHORIZATION DEFAULT</c>, <c>RESET ALL</c>, advisory unlocks,
    /// <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, two <c>DISCARD</c>s), sent before the next request's first query: on the
    /// bench the server spent 0.22 ms a dashboard view with them, 0.16 ms without. This context leaves no session
    /// state to reset: it sets no parameters, takes no session locks, listens to nothing and makes no temporary tables
    /// (Hangfire, which listens, has its own connections), and a transaction still open at close is rolled back by
    /// Npgsql regardless. <c>No Reset On Close=false</c> restores the reset.</item>
    /// </list>
    /// </summary>
    public static string PostgresConnection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, @"max\s*auto\s*prepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Names(connectionString, @"no\s*reset\s*on\s*close")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Names(string connectionString, string setting) =>
        System.Text.RegularExpressions.Regex.IsMatch(connectionString, setting, System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public static ComplianceDbContext CreateContext(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<ComplianceDbContext>();
        Configure(builder, options);
        return new ComplianceDbContext(builder.Options);
    }

    /// <summary>The SQLite file's folder must exist and be writable: create it, or say why not.</summary>
    public static void PrepareStorage(DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Sqlite) return;
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationProblem($"The data folder '{folder}' is not writable ({e.Message.TrimEnd('.')}); choose another with ConnectionStrings:Compliance.", e);
        }
    }

    /// <summary>
    /// Applies pending migrations of the provider's own set, after recording the baseline as applied on a database
    /// that the hand-written migrations built (<see cref="LegacyHistory"/>); an unreachable server becomes one clear sentence.
    /// </summary>
    public static async Task MigrateAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        PrepareStorage(options);
        await using var db = MigrationContexts.Create(options);
        try
        {
            await LegacyHistory.AdoptAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            // Write-ahead logging: pages keep reading while the campaign sender commits, and a commit costs one
            // append and one sync instead of a rollback journal's create, sync, write, sync and delete. It is a
            // property of the file, so setting it once here holds for every connection.
            if (options.Provider == DatabaseProvider.Sqlite && IsFile(options)) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or SqlException
                                   || (e is InvalidOperationException && e.InnerException is NpgsqlException or SqliteException or SqlException))
        {
            throw new ConfigurationProblem($"Cannot reach the {options.Provider} database ({Describe(options)}): {FirstLine(e)}", e);
        }
    }

    private static bool IsFile(DatabaseOptions options) =>
        new SqliteConnectionStringBuilder(options.ConnectionString) is { DataSource: { Length: > 0 } file, Mode: not SqliteOpenMode.Memory }
        && file != ":memory:";

    public static string Describe(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(options.ConnectionString).DataSource,
        DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(options.ConnectionString) is var s ? $"{s.DataSource}/{s.InitialCatalog}" : "",
        _ => new NpgsqlConnectionStringBuilder(options.ConnectionString) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : "",
    };

    private static string FirstLine(Exception e)
    {
        var inner = e is InvalidOperationException && e.InnerException is not null ? e.InnerException : e;
        return inner.Message.Split('\n')[0].Trim();
    }
}
