using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Compliance.Tests.Foundation;

// The migrations are hand-written, so nothing else notices when the model moves on without them.
public sealed class SchemaDriftTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrations_create_exactly_the_schema_the_model_describes(DatabaseProvider provider)
    {
        var migrated = await TestDatabases.CreateMigratedAsync(provider);
        var fromModel = await TestDatabases.CreateAsync(provider);
        await using (var db = ComplianceDatabase.CreateContext(fromModel)) await db.Database.EnsureCreatedAsync();

        var expected = await SchemaReader.DescribeAsync(fromModel);
        var actual = await SchemaReader.DescribeAsync(migrated);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrating_twice_changes_nothing(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var before = await SchemaReader.DescribeAsync(options);
        await ComplianceDatabase.MigrateAsync(options);
        Assert.Equal(before, await SchemaReader.DescribeAsync(options));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Organisations_created_before_slugs_existed_get_a_unique_slug_when_migrated(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateAsync(provider);
        ComplianceDatabase.PrepareStorage(options);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261122000000_Initial");
            foreach (var id in ids)
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO organisations (\"Id\", \"Name\", \"TimeZone\", \"Establishments\", \"Attributes\") VALUES ({0}, 'Old NGO', 'UTC', '', '')", id);
        }
        await ComplianceDatabase.MigrateAsync(options);

        await using var read = ComplianceDatabase.CreateContext(options);
        var slugs = await read.Organisations.OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync();
        Assert.Equal(ids.Select(i => i.ToString()).Order(), slugs);
    }
}
