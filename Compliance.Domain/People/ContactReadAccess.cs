using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>Who may read an incident's manual contacts: those who record them, and legal staff who handle the people list.</summary>
public sealed class ContactReadAccess(IncidentAccess workspace, IClock clock)
{
    public async Task<Outcome<Incident>> CheckAsync(Actor actor, Guid incidentId, CancellationToken ct)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident;
        var now = clock.GetCurrentInstant();
        return Permissions.Allows(actor, Operation.RecordContact, incidentId, now) || Permissions.Allows(actor, Operation.AccessPeople, incidentId, now)
            ? incident : Outcome<Incident>.Forbidden();
    }
}
