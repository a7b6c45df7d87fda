using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Audit;

// The incident page explains replaced duties with the incident's "incident.updated" and "obligation.fulfilled" lines.
// Every reading of the incident's people also writes a line to its log, so a busy incident holds tens of thousands of
// lines the page does not want: the read must go straight to the few it does, not filter the whole log.
public sealed class AuditIndexTests
{
    [PostgresFact]
    public async Task The_lines_that_explain_replaced_duties_are_read_without_reading_the_incidents_people_views()
    {
        await using var db = ComplianceDatabase.CreateContext(await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres));
        var organisation = new Organisation(Guid.NewGuid(), "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var incident = Guid.NewGuid();
        // The chain does not matter here: the lines are written straight into the table.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO audit_entries ("OrganisationId", "Sequence", "IncidentId", "At", "Actor", "Action", "Data", "PreviousHash", "Hash", "ChainVersion")
            SELECT {0}, n, {1}, now(), 'lead@example.org', CASE WHEN n % 10000 = 0 THEN 'incident.updated' ELSE 'people.viewed' END, '{{}}', '', '', 1
            FROM generate_series(1, 30000) AS n
            """, organisation.Id, incident);
        await db.Database.ExecuteSqlRawAsync("ANALYZE audit_entries");

        var plan = string.Join('\n', await db.Database.SqlQueryRaw<string>("""
            EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
            SELECT * FROM audit_entries WHERE "IncidentId" = {0} AND "Action" IN ('incident.updated', 'obligation.fulfilled') ORDER BY "Sequence"
            """, incident).ToListAsync());

        Assert.Contains("IX_audit_entries_IncidentId_Action", plan);
        Assert.Contains("rows=3", plan);
        Assert.DoesNotContain("Rows Removed by Filter", plan);
    }
}
