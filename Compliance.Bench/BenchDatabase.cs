using Compliance.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Compliance.Bench;

/// <summary>
/// A throwaway database and folder for a benchmark: a SQLite file in the folder, or a fresh database on a PostgreSQL
/// server. The folder also holds the key ring and the audit key, so that every process of the benchmark reads the
/// same configuration (<see cref="Arguments"/>) and nothing of an installation's own data is touched.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COMPLIANCE_TEST_POSTGRES";

    private readonly string? server;
    private readonly bool keep;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string folder, string? server, bool keep)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        this.server = server;
        this.keep = keep;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Folder { get; }

    /// <summary>
    /// The configuration of an app or command on this database, as command-line settings. A process on PostgreSQL keeps
    /// its other local state (mail pickup, uploads) in ./data: start it in <see cref="Folder"/>.
    /// </summary>
    public string[] Arguments =>
    [
        $"--Database:Provider={Provider}",
        $"--ConnectionStrings:Compliance={ConnectionString}",
        $"--DataProtection:KeysFolder={Path.Combine(Folder, "keys")}",
        $"--Audit:Folder={Path.Combine(Folder, "audit")}",
    ];

    public string Describe() => Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>The configuration every process of the benchmark reads, with its audit key in place (created on first use).</summary>
    public Compliance.Jobs.Hosting.AppConfiguration Configuration()
    {
        var settings = Compliance.Jobs.Hosting.AppConfiguration.From(CommandLine.ReadConfiguration(Arguments));
        settings.Audit.Seal.EnsureAvailable();
        return settings;
    }

    /// <summary>
    /// <c>--database sqlite|postgres</c> (SQLite by default) and <c>--connection CS</c> (PostgreSQL only; else
    /// COMPLIANCE_TEST_POSTGRES), as every bench reads them; null when they are wrong.
    /// </summary>
    public static (DatabaseProvider Provider, string? Server)? Choose(IReadOnlyDictionary<string, string> options)
    {
        DatabaseProvider? provider = options.GetValueOrDefault("database") switch
        {
            null or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            _ => null,
        };
        if (provider is null || (options.ContainsKey("connection") && provider != DatabaseProvider.Postgres)) return null;
        return (provider.Value, options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable(PostgresVariable));
    }

    /// <summary>A database kept by an earlier run (<see cref="BenchReuse"/>); it is never dropped.</summary>
    public static BenchDatabase Reopen(DatabaseProvider provider, string connectionString, string folder) =>
        new(provider, connectionString, folder, null, keep: true);

    /// <param name="server">A PostgreSQL connection string to create the database on; null for SQLite.</param>
    public static async Task<BenchDatabase> CreateAsync(string name, DatabaseProvider provider, string? server, bool keep)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
            return new BenchDatabase(provider, $"Data Source={Path.Combine(folder, "bench.db")}", folder, null, keep);
        var database = $"bench_{name}_{Guid.NewGuid():N}";
        try
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            Directory.Delete(folder, recursive: true);
            throw new ConfigurationProblem($"Cannot create a PostgreSQL database for the benchmark: {e.Message}", e);
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 200 }.ConnectionString;
        return new BenchDatabase(provider, connection, folder, server, keep);
    }

    public async ValueTask DisposeAsync()
    {
        if (keep) return;
        if (Provider == DatabaseProvider.Sqlite)
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        else
        {
            await using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(Folder, recursive: true);
    }
}
