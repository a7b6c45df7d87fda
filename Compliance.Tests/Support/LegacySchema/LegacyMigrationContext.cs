using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Compliance.Tests.Support.LegacySchema;

/// <summary>The context the old hand-written migrations are attached to, with this assembly as their home.</summary>
public sealed class LegacyMigrationContext(DbContextOptions<LegacyMigrationContext> options) : ComplianceDbContext(options)
{
    public static LegacyMigrationContext Create(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<LegacyMigrationContext>();
        var home = typeof(LegacyMigrationContext).Assembly.GetName().Name;
        if (database.Provider == DatabaseProvider.Sqlite) builder.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(home));
        else builder.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(home));
        return new LegacyMigrationContext(builder.Options);
    }

    /// <summary>A database exactly as the old release left it, migrated up to <paramref name="target"/> (all when null).</summary>
    public static async Task BuildAsync(DatabaseOptions database, string? target = null)
    {
        ComplianceDatabase.PrepareStorage(database);
        await using var db = Create(database);
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(target);
    }
}
