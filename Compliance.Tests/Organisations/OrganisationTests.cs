using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");

    private static Task<(int Code, string Out, string Err)> Run(DatabaseOptions db, params string[] args) => Cli.RunAsync(db, Clock, "", args);

    [Fact]
    public async Task An_organisation_is_created_from_the_command_line_with_its_facts()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var (code, output, err) = await Run(db, "org", "create", "--name", "Rights Watch Ireland", "--slug", "rwi", "--zone", "Europe/Dublin",
            "--establishments", "IE,GB", "--attributes", "commercial-activity", "--require-2fa", "true");
        Assert.True(code == 0, err);
        Assert.Contains("user add --org rwi", output);

        await using var ctx = ComplianceDatabase.CreateContext(db);
        var org = await ctx.Organisations.SingleAsync();
        Assert.Equal(["IE", "GB"], org.Establishments);
        Assert.True(org.RequireTwoFactor);
        Assert.Equal(1, await ctx.AuditEntries.CountAsync(e => e.Action == "organisation.created"));
    }

    [Theory]
    [InlineData("--zone", "Europe/Atlantis", "is not an IANA time zone")]
    [InlineData("--establishments", "Ireland", "is not an ISO 3166 code")]
    [InlineData("--slug", "Rights Watch", "must be lower-case letters")]
    public async Task Bad_organisation_facts_exit_2_naming_the_option(string option, string value, string message)
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var args = new List<string> { "org", "create", "--name", "X", "--slug", "x", "--zone", "UTC" };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value; else args.AddRange([option, value]);
        var (code, _, err) = await Run(db, [.. args]);
        Assert.Equal(2, code);
        Assert.Contains($"{option} '{value}' {message}", err);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Declaring_commercial_activity_brings_PIPEDA_duties_to_open_incidents(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db)) await DemoSeeder.SeedAsync(ctx, Clock);

        await using var work = ComplianceDatabase.CreateContext(db);
        var admin = new Actor(Guid.NewGuid(), "admin@demo.example", DemoSeeder.OrganisationId, Role.Admin);
        var settings = new UpdateOrganisation(work, RulesEngine.Default, Clock);
        var org = (await new OrganisationQuery(work).GetAsync(admin)).Value!;
        var legal = admin with { Role = Role.Legal };
        Assert.Equal(OutcomeStatus.Forbidden, (await settings.HandleAsync(legal, new(org.Name, org.TimeZone, org.Establishments, ["commercial-activity"], false))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await settings.HandleAsync(admin with { OrganisationId = Guid.NewGuid() }, new(org.Name, org.TimeZone, org.Establishments, ["commercial-activity"], false))).Status);

        var result = await settings.HandleAsync(admin, new(org.Name, org.TimeZone, org.Establishments, ["commercial-activity"], false));
        Assert.True(result.IsOk);
        await using var read = ComplianceDatabase.CreateContext(db);
        var canada = await read.Incidents.SingleAsync(i => i.Reference == "INC-2022-001");
        var duties = await read.Obligations.Where(o => o.IncidentId == canada.Id && o.Status != ObligationStatus.Superseded).Select(o => o.RuleId).ToListAsync();
        Assert.Contains("ca-pipeda-s10-3", duties);
        Assert.Contains(await read.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "organisation.updated");
    }

    [Fact]
    public async Task A_new_reminder_policy_replans_unsent_reminders_and_a_bad_one_is_refused()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var ctx = ComplianceDatabase.CreateContext(db)) await DemoSeeder.SeedAsync(ctx, Clock);
        await using var work = ComplianceDatabase.CreateContext(db);
        var admin = new Actor(Guid.NewGuid(), "admin@demo.example", DemoSeeder.OrganisationId, Role.Admin);
        var settings = new UpdateOrganisation(work, RulesEngine.Default, Clock);
        var org = (await new OrganisationQuery(work).GetAsync(admin)).Value!;

        var bad = await settings.HandleAsync(admin, new(org.Name, org.TimeZone, org.Establishments, org.Attributes, false, "every tuesday"));
        Assert.Equal(OutcomeStatus.Invalid, bad.Status);
        Assert.Contains("reminderPolicy", bad.Errors.Keys);

        Assert.True((await settings.HandleAsync(admin, new(org.Name, org.TimeZone, org.Establishments, org.Attributes, false, "48h, 2h"))).IsOk);
        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal("48h,2h", (await read.Organisations.SingleAsync()).ReminderPolicy);
    }
}
