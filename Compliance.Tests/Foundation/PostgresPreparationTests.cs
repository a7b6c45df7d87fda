using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Compliance.Tests.Foundation;

// On PostgreSQL the statements every page repeats are prepared once per connection, unless the operator says not to.
public sealed class PostgresPreparationTests
{
    [Fact]
    public void Automatic_preparation_is_on_unless_the_connection_string_sets_it()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;Username=app;Database=tracker"));
        Assert.Equal(64, defaulted.MaxAutoPrepare);
        Assert.Equal(2, defaulted.AutoPrepareMinUsages);
        Assert.Equal("db", defaulted.Host);

        Assert.Equal("Host=db;Max Auto Prepare=0", ComplianceDatabase.PostgresConnection("Host=db;Max Auto Prepare=0"));
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;maxautoprepare=0")).MaxAutoPrepare);
    }

    [PostgresFact]
    public async Task A_statement_repeated_on_one_connection_is_prepared_on_the_server()
    {
        await using var db = ComplianceDatabase.CreateContext(await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres));
        await db.Database.OpenConnectionAsync();
        var organisation = Guid.NewGuid();
        for (var i = 0; i < 3; i++) await db.AuditHeads.AsNoTracking().Where(h => h.OrganisationId == organisation).Select(h => h.LastSequence).ToListAsync();

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("audit_heads", StringComparison.Ordinal));
    }
}
