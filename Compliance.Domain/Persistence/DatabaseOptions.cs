namespace Compliance.Domain.Persistence;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>
/// Which database, and where. The only place the provider is chosen: everything else asks this.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnection = "Data Source=data/compliance.db";

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Compliance</c>; throws a one-sentence error on bad values.</summary>
    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var p = (provider ?? "Sqlite").Trim();
        if (p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString);
        if (p.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new ConfigurationProblem("Database:Provider is Postgres but ConnectionStrings:Compliance is empty; set it to e.g. 'Host=127.0.0.1;Username=app;Database=compliance'.")
                : new(DatabaseProvider.Postgres, connectionString);
        throw new ConfigurationProblem($"Database:Provider '{p}' is not supported; use 'Sqlite' or 'Postgres'.");
    }
}

/// <summary>A deployer's mistake, told in one sentence; start-up stops without a stack trace.</summary>
public sealed class ConfigurationProblem(string message, Exception? inner = null) : Exception(message, inner);
