using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Compliance.Tests.Foundation;

// On PostgreSQL the statements every page repeats are prepared once per connection, and a connection goes back to the
// pool without Npgsql's seven-statement reset, unless the operator says not to.
public sealed class PostgresPreparationTests
{
    [Fact]
    public void Automatic_preparation_is_on_unless_the_connection_string_sets_it()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;Username=app;Database=tracker"));
        Assert.Equal(64, defaulted.MaxAutoPrepare);
        Assert.Equal(2, defaulted.AutoPrepareMinUsages);
        Assert.Equal("db", defaulted.Host);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;maxautoprepare=0")).MaxAutoPrepare);
    }

    [Fact]
    public void Connections_go_back_to_the_pool_unreset_unless_the_connection_string_says_otherwise()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;Username=app")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;No Reset On Close=false")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;noresetonclose=false")).NoResetOnClose);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ComplianceDatabase.PostgresConnection("Host=db;No Reset On Close=false;Max Auto Prepare=0")).MaxAutoPrepare);
    }

    [PostgresFact]
    public async Task A_transaction_left_open_on_a_pooled_connection_is_rolled_back_and_the_next_user_of_it_is_not_inside_it()
    {
        var options = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var organisation = Guid.NewGuid();
        int backend;
        await using (var first = ComplianceDatabase.CreateContext(options))
        {
            await first.Database.OpenConnectionAsync();
            backend = ((NpgsqlConnection)first.Database.GetDbConnection()).ProcessID;
            await first.Database.BeginTransactionAsync();
            await first.Database.ExecuteSqlRawAsync("INSERT INTO audit_heads (\"OrganisationId\", \"LastSequence\", \"LastHash\") VALUES ({0}, 7, 'x')", organisation);
            // disposed without a commit: the connection goes back to the pool with its transaction open
        }

        await using var second = ComplianceDatabase.CreateContext(options);
        await second.Database.OpenConnectionAsync();
        Assert.Equal(backend, ((NpgsqlConnection)second.Database.GetDbConnection()).ProcessID); // the same pooled connection
        Assert.Empty(await second.AuditHeads.AsNoTracking().Where(h => h.OrganisationId == organisation).ToListAsync());
        var state = await second.Database.SqlQueryRaw<string>("SELECT state AS \"Value\" FROM pg_stat_activity WHERE pid = pg_backend_pid()").SingleAsync();
        Assert.Equal("active", state); // not "idle in transaction": the next statement is its own
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
