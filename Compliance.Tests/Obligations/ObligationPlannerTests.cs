using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Compliance.Tests.Foundation;

namespace Compliance.Tests.Obligations;

// "Every change of a fact re-runs the rules; obligations that change keep their history" (design.md).
public sealed class ObligationPlannerTests
{
    private static readonly Instant Aware = Instant.FromUtc(2025, 6, 13, 15, 0);

    private sealed class World(DatabaseOptions options, Guid orgId, Guid incidentId, FixedClock clock)
    {
        public FixedClock Clock => clock;

        public async Task<T> InSession<T>(Func<ComplianceDbContext, Incident, Organisation, ObligationPlanner, Task<T>> work)
        {
            await using var db = ComplianceDatabase.CreateContext(options);
            var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == incidentId);
            var org = await db.Organisations.SingleAsync(o => o.Id == orgId);
            var planner = new ObligationPlanner(db, RulesEngine.Default, new AuditLog(db, clock), clock);
            var result = await work(db, incident, org, planner);
            await db.SaveChangesAsync();
            return result;
        }

        public async Task<List<Obligation>> ObligationsAsync()
        {
            await using var db = ComplianceDatabase.CreateContext(options);
            return await db.Obligations.Where(o => o.IncidentId == incidentId).OrderBy(o => o.CreatedAt).ThenBy(o => o.RuleId).ToListAsync();
        }

        public async Task<List<AuditEntry>> AuditAsync()
        {
            await using var db = ComplianceDatabase.CreateContext(options);
            return await db.AuditEntries.Where(e => e.IncidentId == incidentId).OrderBy(e => e.Sequence).ToListAsync();
        }
    }

    private static async Task<World> IrishIncidentAsync(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var orgId = Guid.NewGuid();
        var incident = new Incident(Guid.NewGuid(), orgId, "INC-7", "Phished mailbox", Aware, Aware)
        {
            DataCategories = [DataCategory.Name, DataCategory.Email], RiskLevel = RiskLevel.High, Cause = Cause.Phishing,
        };
        incident.SetAffected(JurisdictionCode.Parse("IE"), 800);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            db.Organisations.Add(new Organisation(orgId, "Irish NGO", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []));
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
        }
        var world = new World(options, orgId, incident.Id, new FixedClock(Aware + Duration.FromHours(1)));
        await world.InSession((_, i, o, p) => p.ReplanAsync(i, o, "lead@example.org"));
        return world;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Planning_stores_each_duty_with_its_deadline_and_audits_it(DatabaseProvider provider)
    {
        var world = await IrishIncidentAsync(provider);
        var stored = await world.ObligationsAsync();
        Assert.Equal(["eu-gdpr-art33", "eu-gdpr-art33-5", "eu-gdpr-art34"], stored.Select(o => o.RuleId).Order());
        Assert.Equal(Aware + Duration.FromHours(72), stored.Single(o => o.RuleId == "eu-gdpr-art33").Deadline);
        Assert.Equal(3, (await world.AuditAsync()).Count(e => e.Action == "obligation.added"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Replanning_unchanged_facts_changes_nothing(DatabaseProvider provider)
    {
        var world = await IrishIncidentAsync(provider);
        var plan = await world.InSession((_, i, o, p) => p.ReplanAsync(i, o, "lead@example.org"));
        Assert.Equal(new ObligationPlanner.Plan(0, 0, 3), plan);
        Assert.Equal(3, (await world.ObligationsAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_later_awareness_time_supersedes_the_deadline_and_keeps_the_old_one_as_history(DatabaseProvider provider)
    {
        var world = await IrishIncidentAsync(provider);
        world.Clock.Advance(Duration.FromHours(2));
        await world.InSession((_, i, o, p) => { i.AwareAt = Aware + Duration.FromHours(6); return p.ReplanAsync(i, o, "lead@example.org"); });

        var regulator = (await world.ObligationsAsync()).Where(o => o.RuleId == "eu-gdpr-art33").ToList();
        Assert.Equal(2, regulator.Count);
        var old = Assert.Single(regulator, o => o.Status == ObligationStatus.Superseded);
        var current = Assert.Single(regulator, o => o.Status == ObligationStatus.Open);
        Assert.Equal(Aware + Duration.FromHours(72), old.Deadline);
        Assert.Equal(world.Clock.Now, old.SupersededAt);
        Assert.Equal(Aware + Duration.FromHours(78), current.Deadline);
        Assert.Contains(await world.AuditAsync(), e => e.Action == "obligation.superseded");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_duty_the_facts_no_longer_trigger_is_withdrawn_not_deleted(DatabaseProvider provider)
    {
        var world = await IrishIncidentAsync(provider);
        await world.InSession((_, i, o, p) => { i.RiskLevel = RiskLevel.Risk; return p.ReplanAsync(i, o, "lead@example.org"); });

        var people = Assert.Single(await world.ObligationsAsync(), o => o.RuleId == "eu-gdpr-art34");
        Assert.Equal(ObligationStatus.Superseded, people.Status);
        Assert.Contains(await world.AuditAsync(), e => e.Action == "obligation.withdrawn");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_filed_duty_keeps_its_filing_and_frozen_lateness_when_the_facts_move(DatabaseProvider provider)
    {
        var world = await IrishIncidentAsync(provider);
        await world.InSession(async (db, _, _, _) =>
        {
            var dpc = await db.Obligations.SingleAsync(o => o.RuleId == "eu-gdpr-art33");
            dpc.RecordFiling(Aware + Duration.FromHours(80), "legal@example.org", "DPC-BN-1234");
            return 0;
        });
        await world.InSession((_, i, o, p) => { i.AwareAt = Aware + Duration.FromHours(24); return p.ReplanAsync(i, o, "lead@example.org"); });

        var dpc = Assert.Single(await world.ObligationsAsync(), o => o.RuleId == "eu-gdpr-art33");
        Assert.Equal(ObligationStatus.Done, dpc.Status);
        Assert.True(dpc.WasLate);
        Assert.Equal("DPC-BN-1234", dpc.FilingReference);
    }
}
