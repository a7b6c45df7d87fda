using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Risk;

/// <summary>
/// Confirms (or overrides) the level the guided risk assessment proposes for an incident: sets the incident's risk
/// level and rationale, re-plans the duties as an edit of the facts does, and writes the answers, the proposal and the
/// decision to the audit log, in one transaction. The page and the API both confirm through it.
/// </summary>
public sealed class ConfirmRiskAssessment(ComplianceDbContext db, RiskAssessmentQuery assessments, RulesEngine engine, IClock clock)
{
    /// <summary>An override needs a reason a regulator can read, as a decision that a duty is not required does.</summary>
    public const int RationaleMinimum = 10;

    public sealed record Request(Guid IncidentId, RiskAssessmentInput Input);

    public async Task<Outcome<RiskAssessmentView>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var (incidentId, input) = request;
        var found = await assessments.GetAsync(actor, incidentId, ct);
        if (!found.IsOk) return found;
        var now = clock.GetCurrentInstant();
        if (!RiskPermissions.MayAssess(actor, incidentId, now)) return Outcome<RiskAssessmentView>.Forbidden();
        var (incident, assessment) = found.Value!;

        var proposal = RiskMethod.Propose(input.Answers, RiskFacts.Of(incident));
        var rationale = input.Rationale.Trim();
        if (input.ConfirmedLevel != proposal.Level && rationale.Length < RationaleMinimum)
            return Outcome<RiskAssessmentView>.Invalid("rationale",
                $"You chose '{KebabCase<RiskLevel>.ToId(input.ConfirmedLevel)}' where the assessment proposes '{KebabCase<RiskLevel>.ToId(proposal.Level)}': " +
                $"say why (at least {RationaleMinimum} characters); regulators ask for the reasoning.");

        var before = incident.RiskLevel;
        if (assessment is null)
        {
            assessment = new RiskAssessment(actor.OrganisationId, incidentId);
            db.RiskAssessments.Add(assessment);
        }
        assessment.Confirm(input.Answers, proposal, input.ConfirmedLevel, rationale, actor.Email, now);
        incident.RiskLevel = input.ConfirmedLevel;
        incident.RiskRationale = rationale;
        incident.Version++;
        incident.UpdatedAt = now;

        var audit = new AuditLog(db, clock);
        await audit.AppendAsync(actor.OrganisationId, incidentId, actor.Email, assessment.Overridden ? "risk.overridden" : "risk.confirmed", new
        {
            answers = RiskJson.Of(input.Answers),
            proposed = KebabCase<RiskLevel>.ToId(proposal.Level),
            reasons = RiskJson.Of(proposal.Reasons),
            enisaScore = proposal.EnisaScore,
            before = KebabCase<RiskLevel>.ToId(before),
            after = KebabCase<RiskLevel>.ToId(input.ConfirmedLevel),
            rationale,
        }, ct);
        // The rules read the confirmed level: duties that depend on it come, go or change as on any edit of the facts.
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        await new ObligationPlanner(db, engine, audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RiskAssessmentView>.Conflict("Someone else changed this incident at the same time; reload and confirm again.");
        }
        await new ReminderPlanner(db, clock).SyncAsync(actor.OrganisationId, incidentId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<RiskAssessmentView>.Ok(new RiskAssessmentView(incident, assessment));
    }
}
