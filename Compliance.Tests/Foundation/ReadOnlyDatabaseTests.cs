using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Compliance.Tests.Foundation;

// A database that takes reads but no writes (a full disk, a read-only file, a replica): /health says so, writes are
// a 503 a person understands with nothing half-saved, and reading through the API keeps working.
public sealed class ReadOnlyDatabaseTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_database_that_takes_no_writes_is_reported_and_refuses_changes_with_a_sentence(DatabaseProvider provider)
    {
        var writable = await TestDatabases.CreateMigratedAsync(provider);
        await using (var db = ComplianceDatabase.CreateContext(writable)) await DemoSeeder.SeedAsync(db, Clock);
        var token = (await Cli.RunAsync(writable, Clock, "", "token", "create", "--email", "lead@demo.example")).Out.Trim();
        var readOnly = await MakeReadOnlyAsync(writable);

        await using var app = await RunningApp.StartAsync(readOnly, Clock, "--Database:MigrateOnStart=false", "--Scheduler:Enabled=false");
        var health = await app.Client.GetAsync("/health");
        var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var database = json.GetProperty("checks").GetProperty("database");
        Assert.Contains("cannot take writes", database.GetProperty("description").GetString());
        Assert.False(database.GetProperty("data").GetProperty("writable").GetBoolean());

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(list)).StatusCode); // reading needs no write

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents") { Content = ApiWorld.Json(ApiWorld.HongKongIncident("While the disk is full")) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var refused = await app.Client.SendAsync(create);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("cannot save changes right now", await refused.Content.ReadAsStringAsync());

        await using var read = ComplianceDatabase.CreateContext(writable);
        Assert.False(await read.Incidents.AnyAsync(i => i.Title == "While the disk is full"));
    }

    private static async Task<DatabaseOptions> MakeReadOnlyAsync(DatabaseOptions db)
    {
        if (db.Provider == DatabaseProvider.Sqlite) return db with { ConnectionString = db.ConnectionString + ";Mode=ReadOnly" };
        var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{builder.Database}\" SET default_transaction_read_only = on", admin);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
        return db;
    }
}
