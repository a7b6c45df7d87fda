using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Compliance.Tests.Support.LegacySchema;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Foundation;

// Installations built by the hand-written migrations (kept in Support/LegacySchema) upgrade in place: the generated
// baseline is recorded as applied, nothing is re-created, and the data stays.
public sealed class LegacyUpgradeTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_database_built_by_the_old_migrations_upgrades_in_place_with_its_data(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateAsync(provider);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        // Organisations from before slugs existed: the old Workspace migration gave them one; it must survive.
        await LegacyMigrationContext.BuildAsync(options, "20261122000000_Initial");
        await using (var db = LegacyMigrationContext.Create(options))
            foreach (var id in ids)
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO organisations (\"Id\", \"Name\", \"TimeZone\", \"Establishments\", \"Attributes\") VALUES ({0}, 'Old NGO', 'UTC', '', '')", id);
        await LegacyMigrationContext.BuildAsync(options);

        await ComplianceDatabase.MigrateAsync(options);

        await using var read = ComplianceDatabase.CreateContext(options);
        var slugs = await read.Organisations.OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync();
        Assert.Equal(ids.Select(i => i.ToString()).Order(), slugs);
        await using var migrations = MigrationContexts.Create(options);
        Assert.Empty(await migrations.Database.GetPendingMigrationsAsync());
        Assert.Contains(LegacyHistory.BaselineId(migrations), await migrations.Database.GetAppliedMigrationsAsync());

        var fromModel = await TestDatabases.CreateAsync(provider);
        await using (var db = ComplianceDatabase.CreateContext(fromModel)) await db.Database.EnsureCreatedAsync();
        Assert.Equal(await SchemaReader.DescribeAsync(fromModel), await SchemaReader.DescribeAsync(options));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_upgraded_database_takes_the_later_migrations_and_a_second_start_changes_nothing(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateAsync(provider);
        await LegacyMigrationContext.BuildAsync(options);
        await ComplianceDatabase.MigrateAsync(options);
        var before = await SchemaReader.DescribeAsync(options);

        await ComplianceDatabase.MigrateAsync(options);

        Assert.Equal(before, await SchemaReader.DescribeAsync(options));
        await using var db = MigrationContexts.Create(options);
        Assert.False(await LegacyHistory.AdoptAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_database_left_part_way_through_the_old_migrations_is_refused_in_one_sentence(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateAsync(provider);
        await LegacyMigrationContext.BuildAsync(options, "20261122160000_Filings");

        var problem = await Assert.ThrowsAsync<ConfigurationProblem>(() => ComplianceDatabase.MigrateAsync(options));

        Assert.Contains("20261122160000_Filings", problem.Message);
        await using var db = MigrationContexts.Create(options);
        Assert.DoesNotContain(LegacyHistory.BaselineId(db), await db.Database.GetAppliedMigrationsAsync());
    }
}
