using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Foundation;

// Each provider's generated migrations must build what the model describes (EnsureCreated), on a real database.
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
}
