using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Foundation;

// Fails when the model changed and some provider's migrations were not generated (tools/add-migration.sh NAME).
// HasPendingModelChanges compares the model with the provider's snapshot, so SQL Server needs no server here.
public sealed class MigrationDriftTests
{
    public static TheoryData<DatabaseProvider> AllProviders => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer };

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Every_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = MigrationContexts.Create(MigrationScript.Offline(provider));
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations lag behind the model: run tools/add-migration.sh NAME and commit what it writes.");
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Every_provider_starts_from_one_baseline_and_only_its_own_migrations(DatabaseProvider provider)
    {
        using var db = MigrationContexts.Create(MigrationScript.Offline(provider));
        var migrations = db.Database.GetMigrations().ToList();
        Assert.EndsWith("_Baseline", migrations[0]);
        Assert.DoesNotContain(migrations, id => LegacyHistory.HandWrittenIds.Contains(id));
        // Every group of old hand-written migrations has its generated stand-in in every provider's set.
        Assert.All(LegacyHistory.Steps, step => Assert.Contains(LegacyHistory.GeneratedId(db, step.Generated), migrations));
    }
}
