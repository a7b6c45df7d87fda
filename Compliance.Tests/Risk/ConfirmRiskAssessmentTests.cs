using Compliance.Domain.Incidents;
using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Risk;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Risk;

/// <summary>The one command the risk page and PUT /incidents/{id}/risk-assessment both confirm through.</summary>
public sealed class ConfirmRiskAssessmentTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-03-02T09:00:00Z");

    private const string Incident = """
        { "title": "Supporter database intrusion", "awareAt": "2026-03-01T10:00:00+08:00",
          "dataCategories": ["name", "email"], "affected": [{ "jurisdiction": "HK", "count": 240 }],
          "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "risk",
          "riskRationale": "Names and emails of supporters." }
        """;

    private static readonly RiskAnswers Answers = new()
    {
        Identification = Identification.Maximum, Misuse = Misuse.Observed, Consequences = Consequences.Severe, Lost = [SecurityLoss.Confidentiality],
        StateActor = true, Reprisal = true,
    };

    private static ConfirmRiskAssessment Handler(ComplianceDbContext db) =>
        new(db, new RiskAssessmentQuery(db, new IncidentAccess(db, Clock)), RulesEngine.Default, Clock);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_who_may_assess_confirms_and_an_override_needs_a_reason_and_the_decision_is_audited(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        Actor Member(Guid organisation, Role role) => new(Guid.NewGuid(), $"{role}@{organisation:N}.example".ToLowerInvariant(), organisation, role);
        var (alpha, beta) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, name) in new[] { (alpha, "Alpha"), (beta, "Beta") })
            db.Organisations.Add(new Organisation(id, name, "Asia/Hong_Kong", [JurisdictionCode.Parse("HK")], []));
        await db.SaveChangesAsync();
        var lead = Member(alpha, Role.SecurityLead);
        var (input, _) = IncidentInput.Parse(JsonDocument.Parse(Incident).RootElement, "Asia/Hong_Kong");
        var incident = (await new IncidentCommands(db, Clock).CreateAsync(lead, input!)).Value!;
        var proposed = RiskMethod.Propose(Answers, RiskFacts.Of(incident)).Level;
        var other = proposed == RiskLevel.Unlikely ? RiskLevel.High : RiskLevel.Unlikely;
        ConfirmRiskAssessment.Request Confirm(RiskLevel level, string rationale = "") => new(incident.Id, new RiskAssessmentInput(Answers, level, rationale));

        Assert.Equal(OutcomeStatus.NotFound, (await Handler(db).HandleAsync(Member(beta, Role.Admin), Confirm(proposed))).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await Handler(db).HandleAsync(Member(alpha, Role.Viewer), Confirm(proposed))).Status);
        var unexplained = await Handler(db).HandleAsync(lead, Confirm(other, "too short"));
        Assert.Equal(OutcomeStatus.Invalid, unexplained.Status);
        Assert.Contains("rationale", unexplained.Errors.Keys);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action.StartsWith("risk.")));

        var overridden = await Handler(db).HandleAsync(lead, Confirm(other, "The board decided after hearing from the supporters."));
        Assert.True(overridden.IsOk);
        Assert.Equal(other, (await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id)).RiskLevel);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "risk.overridden");
        Assert.Equal(lead.Email, audit.Actor);
        Assert.Contains("The board decided", audit.Data);
    }
}
