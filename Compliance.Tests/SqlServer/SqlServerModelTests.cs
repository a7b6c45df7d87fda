using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Compliance.Tests.SqlServer;

// What SQL Server would refuse only when the schema is created: keys on nvarchar(max) and keys over its size limits.
public sealed class SqlServerModelTests
{
    [Fact]
    public void Every_key_and_index_fits_SQL_Server()
    {
        using var db = MigrationContexts.Create(MigrationScript.Offline(DatabaseProvider.SqlServer));
        var tables = db.Model.GetRelationalModel().Tables.ToList();
        Assert.Equal(30, tables.Count);
        foreach (var table in tables)
        {
            if (table.PrimaryKey is { } pk) AssertFits($"{table.Name}.{pk.Name}", pk.Columns, limit: 900);
            foreach (var unique in table.UniqueConstraints) AssertFits($"{table.Name}.{unique.Name}", unique.Columns, limit: 900);
            foreach (var index in table.Indexes) AssertFits($"{table.Name}.{index.Name}", index.Columns, limit: 1700);
        }
    }

    [Fact]
    public void Instants_keep_a_precision_at_least_as_fine_as_the_other_providers()
    {
        using var db = MigrationContexts.Create(MigrationScript.Offline(DatabaseProvider.SqlServer));
        var instants = db.Model.GetRelationalModel().Tables.SelectMany(t => t.Columns)
            .Where(c => c.PropertyMappings.Any(m => m.Property.ClrType == typeof(NodaTime.Instant) || m.Property.ClrType == typeof(NodaTime.Instant?)))
            .ToList();
        Assert.NotEmpty(instants);
        // datetime2 without a precision is datetime2(7): 100 ns, as SQLite keeps; PostgreSQL keeps 1 us.
        Assert.All(instants, c => Assert.Equal("datetime2", c.StoreType));
    }

    private static void AssertFits(string name, IEnumerable<IColumn> columns, int limit)
    {
        var bytes = 0;
        foreach (var column in columns)
        {
            Assert.False(column.StoreType.EndsWith("(max)", StringComparison.Ordinal), $"{name} has the unbounded column {column.Name} ({column.StoreType}) in its key");
            bytes += Bytes(column.StoreType);
        }
        Assert.True(bytes <= limit, $"{name} keys {bytes} bytes; SQL Server allows {limit}");
    }

    private static int Bytes(string storeType) => storeType switch
    {
        "uniqueidentifier" => 16,
        "int" => 4,
        "bigint" or "datetime2" => 8,
        "bit" => 1,
        _ when storeType.StartsWith("nvarchar(", StringComparison.Ordinal) => 2 * int.Parse(storeType[9..^1]),
        _ when storeType.StartsWith("varbinary(", StringComparison.Ordinal) => int.Parse(storeType[10..^1]),
        _ => throw new InvalidOperationException($"No size known for {storeType}"),
    };
}
