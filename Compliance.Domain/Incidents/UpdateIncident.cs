using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>New facts for an incident, the version the person edited (null: no check), and optionally a new status.</summary>
public sealed record UpdateIncidentRequest(Guid IncidentId, IncidentInput Input, int? ExpectedVersion, IncidentStatus? Status = null);

/// <summary>
/// Correcting an incident's facts: the duties are re-planned (old ones kept as history) and, when asked, the status
/// changes with them; facts and status are saved together or not at all.
/// </summary>
public sealed class UpdateIncident(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    public async Task<Outcome<Incident>> HandleAsync(Actor actor, UpdateIncidentRequest request, CancellationToken ct = default)
    {
        var found = await new IncidentAccess(db, clock).ForAsync(actor, request.IncidentId, Operation.EditIncident, ct);
        if (!found.IsOk) return found;
        var incident = found.Value!;
        if (request.ExpectedVersion is { } v && v != incident.Version)
            return Outcome<Incident>.Conflict($"Someone else changed this incident (version {incident.Version}, you edited {v}); reload and apply your change again.");
        var now = clock.GetCurrentInstant();
        if (FutureClocks.In(request.Input, now) is { Count: > 0 } future) return Outcome<Incident>.Invalid(future);

        var audit = new AuditLog(db, clock);
        var changes = request.Input.ApplyTo(incident);
        if (changes.Count > 0)
        {
            incident.Version++;
            incident.UpdatedAt = now;
            await audit.AppendAsync(actor.OrganisationId, incident.Id, actor.Email, "incident.updated", new { changes }, ct);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
            await new ObligationPlanner(db, engine, audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        }
        var newStatus = request.Status is { } status && status != incident.Status;
        if (newStatus && await StatusChange.ApplyAsync(db, audit, actor, incident, request.Status!.Value, now, ct) is { } refused) return refused;
        if (changes.Count == 0 && !newStatus) return Outcome<Incident>.Ok(incident);
        return await new IncidentCommit(db, clock).SaveAsync(incident.OrganisationId, incident.Id, incident, ct);
    }
}
