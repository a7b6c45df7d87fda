using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
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
/// The guided risk assessment of an incident, for the page and the API: read it, and confirm (or override) the
/// proposed level. Confirming sets the incident's risk level and rationale, re-plans the duties as an edit of the
/// facts does, and writes the answers, the proposal and the decision to the audit log, in one transaction.
/// </summary>
public sealed class RiskAssessmentWorkspace(ComplianceDbContext db, IncidentWorkspace incidents, RulesEngine engine, IClock clock)
{
    /// <summary>An override needs a reason a regulator can read, as a decision that a duty is not required does.</summary>
    public const int RationaleMinimum = 10;

    public sealed record View(Incident Incident, RiskAssessment? Assessment);

    public async Task<Outcome<View>> GetAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await incidents.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<View>();
        var assessment = await db.RiskAssessments.SingleOrDefaultAsync(r => r.IncidentId == incidentId, ct);
        return Outcome<View>.Ok(new View(incident.Value!, assessment));
    }

    public async Task<Outcome<View>> ConfirmAsync(Actor actor, Guid incidentId, RiskAssessmentInput input, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, ct);
        if (!found.IsOk) return found;
        var now = clock.GetCurrentInstant();
        if (!RiskPermissions.MayAssess(actor, incidentId, now)) return Outcome<View>.Forbidden();
        var (incident, assessment) = found.Value!;

        var proposal = RiskMethod.Propose(input.Answers, RiskFacts.Of(incident));
        var rationale = input.Rationale.Trim();
        if (input.ConfirmedLevel != proposal.Level && rationale.Length < RationaleMinimum)
            return Outcome<View>.Invalid("rationale",
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
            return Outcome<View>.Conflict("Someone else changed this incident at the same time; reload and confirm again.");
        }
        await new ReminderPlanner(db, clock).SyncAsync(actor.OrganisationId, incidentId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<View>.Ok(new View(incident, assessment));
    }
}
