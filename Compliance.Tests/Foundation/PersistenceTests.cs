using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Foundation;

public sealed class PersistenceTests
{
    private static readonly Instant Aware = Instant.FromUtc(2025, 10, 24, 22, 30);

    private static async Task<(DatabaseOptions Options, Guid OrgId, Guid IncidentId)> SeedIncidentAsync(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var orgId = Guid.NewGuid();
        var incident = new Incident(Guid.NewGuid(), orgId, "INC-1", "Phishing of the fundraising mailbox", Aware, Aware)
        {
            DataCategories = [DataCategory.Name, DataCategory.Email, DataCategory.PoliticalOpinion],
            Exfiltration = Exfiltration.Confirmed,
            RiskLevel = RiskLevel.High,
            DeterminedAt = Aware + Duration.FromHours(5),
        };
        incident.SetAffected(JurisdictionCode.Parse("IE"), 8000);
        incident.SetAffected(JurisdictionCode.Parse("US-TX"), 300);
        await using var db = ComplianceDatabase.CreateContext(options);
        db.Organisations.Add(new Organisation(orgId, "Org", "Europe/Dublin", [JurisdictionCode.Parse("IE")], ["commercial-activity"]));
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return (options, orgId, incident.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_incident_and_its_facts_come_back_as_they_were_saved(DatabaseProvider provider)
    {
        var (options, orgId, incidentId) = await SeedIncidentAsync(provider);

        await using var db = ComplianceDatabase.CreateContext(options);
        var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == incidentId);
        var org = await db.Organisations.SingleAsync(o => o.Id == orgId);

        Assert.Equal(Aware, incident.AwareAt);
        Assert.Equal(Aware + Duration.FromHours(5), incident.DeterminedAt);
        Assert.Null(incident.AssessedAt);
        Assert.Equal([DataCategory.Name, DataCategory.Email, DataCategory.PoliticalOpinion], incident.DataCategories);
        Assert.Equal(Exfiltration.Confirmed, incident.Exfiltration);
        Assert.Equal(8300, incident.TotalAffected);
        Assert.Equal(["IE"], org.Establishments);
        Assert.Equal(["commercial-activity"], org.Attributes);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Open_duties_sort_by_their_stored_deadline_on_the_server(DatabaseProvider provider)
    {
        var (options, orgId, incidentId) = await SeedIncidentAsync(provider);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            // Deadlines chosen so that text order of their local renderings would differ from time order.
            foreach (var (jurisdiction, hours) in new[] { ("IE", 72), ("US-TX", 30 * 24), ("GB", 9), ("KE", 71) })
                db.Obligations.Add(new Obligation(Guid.NewGuid(), orgId, incidentId, jurisdiction, Recipient.Regulator, "Authority", "initial",
                    true, Aware + Duration.FromHours(hours), null, null, "UTC", "rule", "1", "because", ["https://example.org"], "V", Aware));
            db.Obligations.Add(new Obligation(Guid.NewGuid(), orgId, incidentId, "HK", Recipient.Regulator, "PCPD", "initial",
                false, null, null, null, "Asia/Hong_Kong", "hk", "1", "voluntary", [], "S", Aware));
            await db.SaveChangesAsync();
        }

        await using var read = ComplianceDatabase.CreateContext(options);
        var cutoff = Aware + Duration.FromDays(4);
        var due = await read.Obligations
            .Where(o => o.Status == ObligationStatus.Open && o.Deadline != null && o.Deadline < cutoff)
            .OrderBy(o => o.Deadline)
            .Select(o => o.Jurisdiction)
            .ToListAsync();
        Assert.Equal(["GB", "KE", "IE"], due);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_people_saving_the_same_incident_cannot_overwrite_each_other(DatabaseProvider provider)
    {
        var (options, _, incidentId) = await SeedIncidentAsync(provider);
        await using var alice = ComplianceDatabase.CreateContext(options);
        await using var bob = ComplianceDatabase.CreateContext(options);
        var a = await alice.Incidents.SingleAsync(i => i.Id == incidentId);
        var b = await bob.Incidents.SingleAsync(i => i.Id == incidentId);

        a.RiskLevel = RiskLevel.Unlikely; a.Version++;
        await alice.SaveChangesAsync();
        b.Title = "Bob's title"; b.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_context_sees_only_the_organisation_it_is_scoped_to_whichever_context_built_the_model(DatabaseProvider provider)
    {
        var (options, orgId, incidentId) = await SeedIncidentAsync(provider);
        var otherOrgId = Guid.NewGuid();
        var otherIncident = new Incident(Guid.NewGuid(), otherOrgId, "INC-1", "Lost laptop", Aware, Aware);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            db.Organisations.Add(new Organisation(otherOrgId, "Other", "UTC", [JurisdictionCode.Parse("IE")], []));
            db.Incidents.Add(otherIncident);
            await db.SaveChangesAsync();
        }

        await using var ours = ComplianceDatabase.CreateContext(options);
        await using var theirs = ComplianceDatabase.CreateContext(options);
        ours.OrganisationScope = orgId;
        theirs.OrganisationScope = otherOrgId;

        Assert.Equal([incidentId], await ours.Incidents.Select(i => i.Id).ToListAsync());
        Assert.Equal([otherIncident.Id], await theirs.Incidents.Select(i => i.Id).ToListAsync());
        ours.OrganisationScope = otherOrgId;
        Assert.Equal([otherIncident.Id], await ours.Incidents.Select(i => i.Id).ToListAsync());
        ours.OrganisationScope = null;
        Assert.Equal(2, await ours.Incidents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_audit_chain_survives_a_round_trip_and_shows_tampering_in_the_database(DatabaseProvider provider)
    {
        var (options, orgId, incidentId) = await SeedIncidentAsync(provider);
        var clock = new FixedClock(Aware + Duration.FromNanoseconds(123_456_789));
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var log = new AuditLog(db, clock);
            await log.AppendAsync(orgId, incidentId, "lead@example.org", "incident.created", new { title = "x" });
            clock.Advance(Duration.FromSeconds(1));
            await log.AppendAsync(orgId, incidentId, "lead@example.org", "incident.updated", new { field = "riskLevel", before = "risk", after = "high" });
            await db.SaveChangesAsync();
            clock.Advance(Duration.FromSeconds(1));
            await log.AppendAsync(orgId, incidentId, "legal@example.org", "obligation.filed", new { reference = "DPC-1" });
            await db.SaveChangesAsync();
        }

        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var verdict = await new AuditLog(db, clock).VerifyAsync(orgId);
            Assert.True(verdict.Intact, verdict.Problem);
            Assert.Equal([1L, 2L, 3L], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        }

        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 2");
            var verdict = await new AuditLog(db, clock).VerifyAsync(orgId);
            Assert.False(verdict.Intact);
            Assert.Equal(2, verdict.FirstBrokenSequence);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_writers_to_one_organisation_both_get_their_place_in_the_chain(DatabaseProvider provider)
    {
        var (options, orgId, _) = await SeedIncidentAsync(provider);
        var clock = new FixedClock(Aware);
        await using var first = ComplianceDatabase.CreateContext(options);
        await using var second = ComplianceDatabase.CreateContext(options);
        await new AuditLog(first, clock).AppendAsync(orgId, null, "a", "x", new { });
        await new AuditLog(second, clock).AppendAsync(orgId, null, "b", "y", new { });

        await first.SaveChangesAsync();
        await second.SaveChangesAsync();

        await using var read = ComplianceDatabase.CreateContext(options);
        Assert.Equal([("a", 1L), ("b", 2L)], (await read.AuditEntries.Where(e => e.OrganisationId == orgId).OrderBy(e => e.Sequence)
            .Select(e => new { e.Actor, e.Sequence }).ToListAsync()).Select(e => (e.Actor, e.Sequence)));
        Assert.True((await new AuditLog(read, clock).VerifyAsync(orgId)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_log_written_before_the_key_continues_keyed_after_the_upgrade_and_still_verifies(DatabaseProvider provider)
    {
        var (options, orgId, _) = await SeedIncidentAsync(provider);
        var clock = new FixedClock(Aware);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            // Three lines as the tracker wrote them before this version: plain SHA-256, no head row.
            AuditEntry? previous = null;
            for (var i = 0; i < 3; i++)
                db.AuditEntries.Add(previous = AuditEntry.Unkeyed(previous, orgId, null, Aware + Duration.FromMinutes(i), "lead@example.org", "incident.updated", "{}"));
            await db.SaveChangesAsync();
        }
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            await new AuditLog(db, clock).AppendAsync(orgId, null, "lead@example.org", "incident.updated", new { after = "upgrade" });
            await db.SaveChangesAsync();
        }

        await using var read = ComplianceDatabase.CreateContext(options);
        var lines = await read.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([(1L, 0), (2L, 0), (3L, 0), (4L, 1)], lines.Select(e => (e.Sequence, e.ChainVersion)));
        Assert.Equal(lines[2].Hash, lines[3].PreviousHash);
        Assert.True((await new AuditLog(read, clock).VerifyAsync(orgId)).Intact);
    }
}
