using System.Net;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Foundation;

public sealed class HealthAndDemoTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Health_reports_the_database_and_a_running_job_server_on_a_persistent_store(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider);
        await using var app = await RunningApp.StartAsync(db, FixedClock.At("2026-01-01T00:00:00Z"));

        // The Hangfire server announces itself in the store once the host has started: allow it a moment, as a monitor would.
        HttpResponseMessage response;
        JsonElement json;
        var attempts = 0;
        do
        {
            if (attempts++ > 0) await Task.Delay(200);
            response = await app.Client.GetAsync("/health");
            json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        } while ((json.GetProperty("status").GetString() == "Degraded" || RecurringJobs(json) < 6) && attempts < 50);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var database = json.GetProperty("checks").GetProperty("database");
        Assert.Equal(provider.ToString(), database.GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
        var scheduler = json.GetProperty("checks").GetProperty("scheduler");
        var data = scheduler.GetProperty("data");
        Assert.Equal(provider.ToString(), data.GetProperty("store").GetString());
        Assert.Equal(1, data.GetProperty("servers").GetInt32());
        Assert.True(data.GetProperty("persistent").GetBoolean());
        Assert.Equal(provider == DatabaseProvider.Postgres, data.GetProperty("shared").GetBoolean());
        // The reminder sweep, the campaign sender, the audit checkpoints, the upload clean-up, the webhook sweep and retention.
        Assert.Equal(6, data.GetProperty("recurring").GetInt64());
    }

    // The recurring jobs are registered in the background after start-up, one after the other.
    private static long RecurringJobs(JsonElement health) =>
        health.GetProperty("checks").TryGetProperty("scheduler", out var s) && s.TryGetProperty("data", out var d) && d.TryGetProperty("recurring", out var r)
            ? r.GetInt64() : 0;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Seeding_the_demo_twice_keeps_one_copy_and_issues_working_passwords(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var clock = FixedClock.At("2026-11-22T08:00:00Z");
        await using (var db = ComplianceDatabase.CreateContext(options)) await DemoSeeder.SeedAsync(db, clock);
        IReadOnlyDictionary<string, string> passwords;
        await using (var db = ComplianceDatabase.CreateContext(options)) passwords = await DemoSeeder.SeedAsync(db, clock);

        await using var read = ComplianceDatabase.CreateContext(options);
        Assert.Equal(1, await read.Organisations.CountAsync());
        var incidents = await read.Incidents.Include(i => i.Affected).OrderBy(i => i.AwareAt).ToListAsync();
        Assert.Equal(["INC-2019-001", "INC-2022-001"], incidents.Select(i => i.Reference));
        Assert.Contains(DataCategory.NationalId, incidents[0].DataCategories);
        Assert.Equal(Exfiltration.NotFound, incidents[1].Exfiltration);

        var roles = await read.Members.Select(m => m.Role).ToListAsync();
        Assert.Equal(Enum.GetValues<Role>().Order(), roles.Order());

        var hasher = new PasswordHasher<User>();
        foreach (var user in await read.Users.ToListAsync())
        {
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash!, passwords[user.Email]));
            Assert.DoesNotContain(passwords[user.Email], user.PasswordHash!);
        }
        Assert.True((await new AuditLog(read, clock).VerifyAsync(DemoSeeder.OrganisationId)).Intact);

        // Hong Kong 2019: the PCPD and the supporters, recommended, not required. Canada 2022: fundraising is not
        // commercial (no PIPEDA duty); Quebec wants every incident in its register.
        var duties = await read.Obligations.Where(o => o.Status != ObligationStatus.Superseded).ToListAsync();
        var hk = duties.Where(o => o.IncidentId == incidents[0].Id).ToList();
        Assert.Contains(hk, o => o.RuleId == "hk-pdpo-pcpd" && !o.Mandatory);
        Assert.Contains(hk, o => o.RuleId == "hk-pdpo-individuals");
        Assert.Equal(["ca-qc-s3-8-register"], duties.Where(o => o.IncidentId == incidents[1].Id).Select(o => o.RuleId));
    }
}
