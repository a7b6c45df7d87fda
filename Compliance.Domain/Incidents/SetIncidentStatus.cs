using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Incidents;

public sealed record SetIncidentStatusRequest(Guid IncidentId, IncidentStatus Status);

/// <summary>Opening, containing or closing an incident; closing waits for every mandatory duty to be settled.</summary>
public sealed class SetIncidentStatus(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<Incident>> HandleAsync(Actor actor, SetIncidentStatusRequest request, CancellationToken ct = default)
    {
        var found = await new IncidentAccess(db, clock).ForAsync(actor, request.IncidentId, Operation.EditIncident, ct);
        if (!found.IsOk) return found;
        var incident = found.Value!;
        if (incident.Status == request.Status) return found;
        var refused = await StatusChange.ApplyAsync(db, new AuditLog(db, clock), actor, incident, request.Status, clock.GetCurrentInstant(), ct);
        return refused ?? await new IncidentCommit(db, clock).SaveAsync(incident.OrganisationId, incident.Id, incident, ct);
    }
}
