using Compliance.Domain;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Npgsql;

namespace Compliance.Tests.Support;

/// <summary>
/// A fresh, empty database per test on either provider. PostgreSQL is the real server that ./test.sh starts on
/// loopback; its address comes from COMPLIANCE_TEST_POSTGRES.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "COMPLIANCE_TEST_POSTGRES";

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>The audit key every test database is sealed with; the command line and the app get it as <c>Audit:Key</c>.</summary>
    public static readonly byte[] AuditKey = System.Security.Cryptography.SHA256.HashData("compliance-tests-audit-key"u8);

    public static readonly AuditSeal AuditSeal = AuditSeal.FromKey(AuditKey);

    /// <summary>The <c>Audit:Folder</c> of the database's app and command line: a folder of its own per database, for its checkpoints.</summary>
    public static string AuditFolderOf(DatabaseOptions db) =>
        Path.Combine(Path.GetTempPath(), "compliance-tests", "audit", Sha256Text.Of(db.ConnectionString)[..16]);

    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "compliance-tests", Environment.ProcessId.ToString());

    public static async Task<DatabaseOptions> CreateAsync(DatabaseProvider provider)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(SqliteFolder);
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(SqliteFolder, name + ".db")};Pooling=False") { AuditSeal = AuditSeal };
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run ./test.sh, which starts PostgreSQL on loopback, or point it at a server.");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString) { AuditSeal = AuditSeal };
    }

    public static async Task<DatabaseOptions> CreateMigratedAsync(DatabaseProvider provider)
    {
        var options = await CreateAsync(provider);
        await ComplianceDatabase.MigrateAsync(options);
        return options;
    }
}
