using Compliance.Domain.Incidents;
using System.Text.Json;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Compliance.Tests.Foundation;

namespace Compliance.Tests.Incidents;

// Recording law enforcement's request on a stored incident re-plans its duties, keeps the old ones as history, and is audited.
public sealed class LawEnforcementHoldIncidentTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-03-12T09:00:00Z");

    private const string Texas = """
        { "title": "Donor database intrusion", "awareAt": "2026-03-10T10:00:00-05:00", "timeZone": "America/Chicago",
          "dataCategories": ["name", "national-id"], "affected": [{ "jurisdiction": "US-TX", "count": 300 }],
          "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "high" %HOLD% }
        """;

    private static IncidentInput Input(string hold)
    {
        var (input, errors) = IncidentInput.Parse(JsonDocument.Parse(Texas.Replace("%HOLD%", hold)).RootElement, "America/Chicago");
        Assert.True(input is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return input!;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Recording_a_hold_moves_the_notice_to_people_keeps_the_old_deadline_as_history_and_is_audited(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var orgId = Guid.NewGuid();
        var lead = new Actor(Guid.NewGuid(), "lead@tx.example", orgId, Role.SecurityLead);
        await using var db = ComplianceDatabase.CreateContext(options);
        db.Organisations.Add(new Organisation(orgId, "Texan NGO", "America/Chicago", [], []));
        await db.SaveChangesAsync();
        var update = new UpdateIncident(db, RulesEngine.Default, Clock);
        var incident = (await new CreateIncident(db, RulesEngine.Default, Clock).HandleAsync(lead, Input(""))).Value!;
        var before = await db.Obligations.Where(o => o.IncidentId == incident.Id).ToListAsync();

        var updated = await update.HandleAsync(lead, new UpdateIncidentRequest(incident.Id,
            Input(""", "lawEnforcementHold": { "from": "2026-03-11T08:00:00-05:00", "until": "2026-03-25T08:00:00-05:00" }"""), null));

        Assert.True(updated.IsOk);
        Assert.Equal(Instant.FromUtc(2026, 3, 25, 13, 0), updated.Value!.LawEnforcementHoldUntil);
        var rows = await db.Obligations.Where(o => o.IncidentId == incident.Id).ToListAsync();
        // Both rows are made at the same instant (the clock stands still): tell them apart by status, not by order.
        var people = rows.Where(o => o.RuleId == "us-tx-individuals").ToList();
        Assert.Equal(2, people.Count);
        var old = Assert.Single(people, o => o.Status == ObligationStatus.Superseded);
        Assert.Equal(old.Deadline + Duration.FromDays(14), Assert.Single(people, o => o.Status == ObligationStatus.Open).Deadline);
        Assert.Equal(before.Single(o => o.RuleId == "us-tx-ag").Id, rows.Single(o => o.RuleId == "us-tx-ag").Id); // untouched
        var audit = await db.AuditEntries.Where(e => e.IncidentId == incident.Id && e.Action == "incident.updated").ToListAsync();
        Assert.Contains(audit, e => e.Data.Contains("lawEnforcementHold", StringComparison.Ordinal));

        // Lifting the hold (null) puts the original deadline back, as a new row.
        var lifted = await update.HandleAsync(lead, new UpdateIncidentRequest(incident.Id, Input(""", "lawEnforcementHold": null"""), null));
        Assert.Null(lifted.Value!.LawEnforcementHoldFrom);
        Assert.Equal(old.Deadline, (await db.Obligations.SingleAsync(o => o.IncidentId == incident.Id && o.RuleId == "us-tx-individuals" && o.Status == ObligationStatus.Open)).Deadline);
    }
}
