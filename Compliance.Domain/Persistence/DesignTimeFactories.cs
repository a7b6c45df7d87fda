using Microsoft.EntityFrameworkCore.Design;

namespace Compliance.Domain.Persistence;

// What `dotnet ef` uses to build each provider's migration context (tools/add-migration.sh). Adding a migration or
// printing a script never connects, so the connection strings only need to parse.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMigrationContext>
{
    public SqliteMigrationContext CreateDbContext(string[] args) =>
        (SqliteMigrationContext)MigrationContexts.Create(new(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMigrationContext>
{
    public PostgresMigrationContext CreateDbContext(string[] args) =>
        (PostgresMigrationContext)MigrationContexts.Create(new(DatabaseProvider.Postgres, "Host=localhost;Database=design_time"));
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMigrationContext>
{
    public SqlServerMigrationContext CreateDbContext(string[] args) =>
        (SqlServerMigrationContext)MigrationContexts.Create(new(DatabaseProvider.SqlServer, "Server=localhost;Database=design_time;Integrated Security=true;TrustServerCertificate=true"));
}
