using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Obligations;

public sealed record DecideNotRequiredRequest(Guid ObligationId, string Rationale);

/// <summary>Deciding that a duty is not required: a decision with who, when and why, never a deleted row.</summary>
public sealed class DecideNotRequired(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<Obligation>> HandleAsync(Actor actor, DecideNotRequiredRequest request, CancellationToken ct = default)
    {
        var found = await new IncidentAccess(db, clock).DutyForAsync(actor, request.ObligationId, Operation.DecideObligation, ct);
        if (!found.IsOk) return found;
        var obligation = found.Value!;
        var rationale = request.Rationale.Trim();
        if (rationale.Length < 10)
            return Outcome<Obligation>.Invalid("rationale", "Explain why this duty is not required (at least 10 characters); regulators ask for the reasoning.");
        if (PlainText.Problem(rationale, 2000, multiline: true) is { } bad) return Outcome<Obligation>.Invalid("rationale", bad);
        if (obligation.Status == ObligationStatus.Superseded)
            return Outcome<Obligation>.Conflict("This duty was replaced after the facts changed; decide on the current one.");
        if (obligation.Status == ObligationStatus.Done)
            return Outcome<Obligation>.Conflict("This duty was already fulfilled.");

        obligation.DecideNotRequired(clock.GetCurrentInstant(), actor.Email, rationale);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, obligation.IncidentId, actor.Email, "obligation.decided",
            new { obligation.Id, obligation.RuleId, obligation.Jurisdiction, decision = "not-required", rationale }, ct);
        return await new IncidentCommit(db, clock).SaveAsync(actor.OrganisationId, obligation.IncidentId, obligation, ct);
    }
}
