namespace Compliance.Domain.Persistence;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>
/// Which database, and where. The only place the provider is chosen: everything else asks this.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The key that seals audit lines written to this database; it is kept outside it (<c>Audit:*</c>).</summary>
    public Audit.AuditSeal? AuditSeal { get; init; }

    public const string DefaultSqliteConnection = "Data Source=data/compliance.db";

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Compliance</c>; throws a one-sentence error on bad values.</summary>
    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var p = (provider ?? "Sqlite").Trim();
        // appsettings.json ships the SQLite default; with a server provider it means nobody set a connection string.
        var server = connectionString == DefaultSqliteConnection ? null : connectionString;
        if (p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString);
        if (p.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return string.IsNullOrWhiteSpace(server)
                ? throw new ConfigurationProblem("Database:Provider is Postgres but ConnectionStrings:Compliance is empty; set it to e.g. 'Host=127.0.0.1;Username=app;Database=compliance'.")
                : new(DatabaseProvider.Postgres, server);
        if (p.Equals("SqlServer", StringComparison.OrdinalIgnoreCase) || p.Equals("MSSQL", StringComparison.OrdinalIgnoreCase))
            return string.IsNullOrWhiteSpace(server)
                ? throw new ConfigurationProblem("Database:Provider is SqlServer but ConnectionStrings:Compliance is empty; set it to e.g. 'Server=db.example.org;Database=compliance;User Id=app;Password=...;Encrypt=True'.")
                : new(DatabaseProvider.SqlServer, server);
        throw new ConfigurationProblem($"Database:Provider '{p}' is not supported; use 'Sqlite', 'Postgres' or 'SqlServer'.");
    }
}

/// <summary>A deployer's mistake, told in one sentence; start-up stops without a stack trace.</summary>
public sealed class ConfigurationProblem(string message, Exception? inner = null) : Exception(message, inner);
