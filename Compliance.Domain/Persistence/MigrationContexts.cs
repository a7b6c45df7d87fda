using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Persistence;

// One context type per provider, used only to migrate: EF finds a migration by the context type named in its
// [DbContext] attribute, so each provider's generated set (Persistence/Migrations/<Provider>) stays apart from the
// others'. Their model is ComplianceDbContext's; the application itself keeps using ComplianceDbContext.

public sealed class SqliteMigrationContext(DbContextOptions<SqliteMigrationContext> options) : ComplianceDbContext(options);

public sealed class PostgresMigrationContext(DbContextOptions<PostgresMigrationContext> options) : ComplianceDbContext(options);

public sealed class SqlServerMigrationContext(DbContextOptions<SqlServerMigrationContext> options) : ComplianceDbContext(options);

/// <summary>Creates the migration context for a provider, configured as the application configures its own.</summary>
public static class MigrationContexts
{
    public static ComplianceDbContext Create(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteMigrationContext(Options<SqliteMigrationContext>(options)),
        DatabaseProvider.Postgres => new PostgresMigrationContext(Options<PostgresMigrationContext>(options)),
        DatabaseProvider.SqlServer => new SqlServerMigrationContext(Options<SqlServerMigrationContext>(options)),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    private static DbContextOptions<T> Options<T>(DatabaseOptions options) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        ComplianceDatabase.Configure(builder, options);
        return builder.Options;
    }
}
