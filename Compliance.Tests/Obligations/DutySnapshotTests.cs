using System.Reflection;
using System.Text.Json.Nodes;
using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Filings;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Compliance.Tests.Foundation;

namespace Compliance.Tests.Obligations;

// "Correcting a rule later never rewrites what an old filing cited" (style.md, habit 1): each stored duty keeps the
// rule it was computed from, and filings read that snapshot, not the catalogue of the day.
public sealed class DutySnapshotTests
{
    private static readonly Instant Aware = Instant.FromUtc(2025, 6, 13, 15, 0);

    /// <summary>The embedded catalogue with GDPR Art. 33 "corrected": 96 hours, a new version, a reworded content item.</summary>
    private static RulesEngine CorrectedEngine()
    {
        var assembly = typeof(RuleCatalogue).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Rules.Catalogue.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                var json = reader.ReadToEnd();
                if (!n.EndsWith("eu-gdpr.json", StringComparison.Ordinal)) return (n, json);
                var root = JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
                var version = root["regimes"]![0]!["versions"]![0]!;
                version["version"] = "2025-06-01-corrected";
                var art33 = version["duties"]!.AsArray().Single(d => (string?)d!["id"] == "eu-gdpr-art33")!;
                art33["deadline"]!["amount"] = 96;
                art33["content"]![0] = "the corrected first content item";
                return (n, root.ToJsonString());
            })
            .ToList();
        return new RulesEngine(RuleCatalogue.Parse(files));
    }

    private static async Task<Guid> IncidentAsync(DatabaseOptions options, Guid orgId, string reference, FixedClock clock)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var incident = new Incident(Guid.NewGuid(), orgId, reference, "Phished mailbox", Aware, Aware)
        {
            DataCategories = [DataCategory.Name, DataCategory.Email], RiskLevel = RiskLevel.High, Cause = Cause.Phishing,
        };
        incident.SetAffected(JurisdictionCode.Parse("IE"), 800);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        await ReplanAsync(options, incident.Id, RulesEngine.Default, clock);
        return incident.Id;
    }

    private static async Task ReplanAsync(DatabaseOptions options, Guid incidentId, RulesEngine engine, FixedClock clock)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == incidentId);
        var org = await db.Organisations.SingleAsync(o => o.Id == incident.OrganisationId);
        await new ObligationPlanner(db, engine, new AuditLog(db, clock), clock).ReplanAsync(incident, org, "lead@example.org");
        await db.SaveChangesAsync();
    }

    private static async Task<(Obligation Duty, FilingDocument Filing)> DpcFilingAsync(DatabaseOptions options, Guid incidentId, RulesEngine engine)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == incidentId);
        var org = await db.Organisations.SingleAsync(o => o.Id == incident.OrganisationId);
        var duty = await db.Obligations.SingleAsync(o => o.IncidentId == incidentId && o.RuleId == "eu-gdpr-art33" && o.Status != ObligationStatus.Superseded);
        var request = new FilingRequest(IncidentFactsFactory.From(incident, org), org.Name, incident.Title, FilingStage.Initial,
            Aware + Duration.FromHours(80), "en", new Dictionary<string, string>());
        return (duty, new FilingComposer(engine, FilingTemplates.Default).Compose(request, duty, Aware + Duration.FromHours(80)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_rule_corrected_after_filing_leaves_the_filed_duty_its_filing_and_its_lateness_while_open_duties_move_with_history(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        var clock = new FixedClock(Aware + Duration.FromHours(1));
        var orgId = Guid.NewGuid();
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            db.Organisations.Add(new Organisation(orgId, "Irish NGO", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []));
            await db.SaveChangesAsync();
        }
        var filed = await IncidentAsync(options, orgId, "INC-1", clock);
        var open = await IncidentAsync(options, orgId, "INC-2", clock);

        // INC-1's report went to the DPC at 80 hours: late under the 72-hour rule, and frozen as late.
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var dpc = await db.Obligations.SingleAsync(o => o.IncidentId == filed && o.RuleId == "eu-gdpr-art33");
            dpc.RecordFiling(Aware + Duration.FromHours(80), "legal@example.org", "DPC-BN-1");
            await db.SaveChangesAsync();
        }
        var (beforeDuty, beforeFiling) = await DpcFilingAsync(options, filed, RulesEngine.Default);
        Assert.Contains("version 2018-05-25", beforeFiling.CanonicalText);

        var corrected = CorrectedEngine();
        clock.Advance(Duration.FromDays(30));
        await ReplanAsync(options, filed, corrected, clock);
        await ReplanAsync(options, open, corrected, clock);

        // The filed duty, its PDF and its lateness: untouched.
        var (afterDuty, afterFiling) = await DpcFilingAsync(options, filed, corrected);
        Assert.Equal(beforeDuty.Id, afterDuty.Id);
        Assert.Equal(ObligationStatus.Done, afterDuty.Status);
        Assert.True(afterDuty.WasLate);
        Assert.Equal(Aware + Duration.FromHours(72), afterDuty.Deadline);
        Assert.Equal("2018-05-25", afterDuty.RuleVersion);
        Assert.Equal(beforeFiling.ContentHash, afterFiling.ContentHash);
        Assert.DoesNotContain("corrected", afterFiling.CanonicalText);

        // The other incident's open duty moved to the corrected rule; the old row stays, superseded, and the change is audited.
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var rows = await db.Obligations.Where(o => o.IncidentId == open && o.RuleId == "eu-gdpr-art33").OrderBy(o => o.CreatedAt).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.Equal(ObligationStatus.Superseded, rows[0].Status);
            Assert.Equal(Aware + Duration.FromHours(72), rows[0].Deadline);
            Assert.Equal(ObligationStatus.Open, rows[1].Status);
            Assert.Equal(Aware + Duration.FromHours(96), rows[1].Deadline);
            Assert.Equal("2025-06-01-corrected", rows[1].RuleVersion);
            Assert.Equal("the corrected first content item", rows[1].TermsSnapshot!.Content[0]);
            Assert.NotEqual("the corrected first content item", rows[0].TermsSnapshot!.Content[0]);
            Assert.Contains(await db.AuditEntries.Where(e => e.IncidentId == open).ToListAsync(), e => e.Action == "obligation.superseded");
        }
        var (_, moved) = await DpcFilingAsync(options, open, corrected);
        Assert.Contains("version 2025-06-01-corrected", moved.CanonicalText);
        Assert.Contains("The corrected first content item", moved.CanonicalText);
    }
}
