using Compliance.Domain.Incidents;
using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Compliance.Jobs.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.People;

public sealed class PeopleRegisterTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");
    private static readonly Actor Legal = new(Guid.NewGuid(), "legal@demo.example", DemoSeeder.OrganisationId, Role.Legal);

    private const string Supporters = """
        Name,Email,Country,Language
        陳大文,tai.man.chan@example.hk,HK,zh-Hant
        Lee Wai Ling,wl.lee@example.hk,HK,en
        Activist A,a.activist@example.hk,HK,zh-Hant
        Ng Ka Yan,,HK,zh-Hant
        """;

    private static async Task<(DatabaseOptions Db, IPeopleDataProtector Protector, Guid Incident)> ImportedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var protector = new DataProtectionPersonalData(new EphemeralDataProtectionProvider(), new FileLookupKeyStore(Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}", "email-lookup.key")));
        await using var ctx = ComplianceDatabase.CreateContext(db);
        await DemoSeeder.SeedAsync(ctx, Clock);
        var incident = await ctx.Incidents.Where(i => i.Reference == "INC-2019-001").Select(i => i.Id).SingleAsync();
        var result = await new ImportPeople(ctx, protector, Clock).HandleAsync(Legal, new ImportPeople.Request(incident, () => new MemoryStream(Encoding.UTF8.GetBytes(Supporters)),
            new ColumnMap("Name", "Country", "Email", "Language")));
        Assert.True(result.IsOk);
        return (db, protector, incident);
    }

    private static PeopleRegister Register(ComplianceDbContext ctx, IPeopleDataProtector protector) =>
        new(ctx, protector, new IncidentAccess(ctx, Clock), Clock);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Flagged_activists_leave_the_email_path_for_the_worklist_and_the_audit_holds_no_personal_data(DatabaseProvider provider)
    {
        var (db, protector, incident) = await ImportedAsync(provider);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var register = Register(ctx, protector);
        var people = (await register.ListAsync(Legal, incident, "review")).Value!;
        Assert.Contains(people, p => p.Details.Name == "陳大文" && p.Details.Email == "tai.man.chan@example.hk");

        var activist = people.Single(p => p.Details.Name == "Activist A");
        Assert.True((await new SetPersonFlags(ctx, protector, new IncidentAccess(ctx, Clock), Clock).HandleAsync(Legal, new(incident, activist.Id, true, "Trusted lawyer, +852 5555 0101", "home district"))).IsOk);

        var worklist = (await register.WorklistAsync(Legal, incident)).Value!;
        Assert.Equal(["Activist A", "Ng Ka Yan"], worklist.Select(w => w.Person.Details.Name).Order());
        var flagged = worklist.Single(w => w.Person.Details.Name == "Activist A");
        Assert.StartsWith("do not email", flagged.Why);
        Assert.Contains(flagged.Duties, d => d.RuleId == "hk-pdpo-individuals");

        var audit = string.Join("\n", await ctx.AuditEntries.Where(e => e.Action.StartsWith("people.")).Select(e => e.Data).ToListAsync());
        Assert.Contains("people.flags-changed", string.Join(",", await ctx.AuditEntries.Select(e => e.Action).ToListAsync()));
        Assert.DoesNotContain("Activist", audit);
        Assert.DoesNotContain("example.hk", audit);
        Assert.DoesNotContain("lawyer", audit);
        var stored = await ctx.AffectedPeople.SingleAsync(p => p.Id == activist.Id);
        Assert.DoesNotContain("lawyer", stored.ProtectedDelegate);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.SecurityLead)]
    public async Task Only_security_leads_and_legal_see_the_list(Role role)
    {
        var (db, protector, incident) = await ImportedAsync(DatabaseProvider.Sqlite);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var result = await Register(ctx, protector).ListAsync(Legal with { Role = role }, incident, "review");
        Assert.Equal(role == Role.SecurityLead ? OutcomeStatus.Ok : OutcomeStatus.Forbidden, result.Status);

        var stranger = Legal with { OrganisationId = Guid.NewGuid() };
        Assert.Equal(OutcomeStatus.NotFound, (await Register(ctx, protector).ListAsync(stranger, incident, "review")).Status);
    }

    [Fact]
    public async Task The_incidents_counts_follow_the_list_and_its_duties_are_replanned()
    {
        var (db, protector, incident) = await ImportedAsync(DatabaseProvider.Sqlite);
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var lead = Legal with { Role = Role.SecurityLead };
        var updated = await new UpdateCountsFromList(ctx, new IncidentAccess(ctx, Clock), new UpdateIncident(ctx, RulesEngine.Default, Clock)).HandleAsync(lead, incident);
        Assert.True(updated.IsOk, string.Join(" ", updated.Errors.SelectMany(e => e.Value)));
        Assert.Equal(4, Assert.Single(updated.Value!.Affected).Count);
    }
}
