using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Workspace;

/// <summary>Who is acting, in which organisation, with which role; a responder is limited to one incident until an instant.</summary>
public sealed record Actor(Guid UserId, string Email, Guid OrganisationId, Role Role, Guid? OnlyIncidentId = null, Instant? ExpiresAt = null)
{
    /// <summary>Admin commands and background jobs act as the system, inside one organisation.</summary>
    public static Actor System(Guid organisationId, string name) => new(Guid.Empty, name, organisationId, Role.Admin);
}

public enum Operation { ReadIncident, CreateIncident, EditIncident, AddTimelineEvent, DecideObligation, FulfilObligation, ExportAudit, ManageOrganisation, AccessPeople, RecordContact, ChangeTasks }

/// <summary>
/// The one place that answers "may this person do this here?". Other organisations never reach this question:
/// their rows are invisible (404) before any permission is asked.
/// </summary>
public static class Permissions
{
    public static bool Allows(Actor actor, Operation operation, Guid? incidentId, Instant now)
    {
        if (actor.ExpiresAt is { } expires && now >= expires) return false;
        // The list of affected people is the most sensitive thing here: only those who must contact them see it.
        if (operation == Operation.AccessPeople) return actor.Role is Role.SecurityLead or Role.Legal;
        return actor.Role switch
        {
            Role.Admin => true,
            Role.SecurityLead => operation != Operation.ManageOrganisation,
            Role.Legal => operation is Operation.ReadIncident or Operation.DecideObligation or Operation.FulfilObligation
                or Operation.AddTimelineEvent or Operation.ExportAudit,
            Role.Viewer => operation == Operation.ReadIncident,
            Role.Responder => incidentId is not null && incidentId == actor.OnlyIncidentId
                && operation is Operation.ReadIncident or Operation.AddTimelineEvent or Operation.RecordContact or Operation.ChangeTasks,
            _ => false,
        };
    }

    /// <summary>Whether the actor may see this incident at all (a responder sees only theirs; others are hidden, not forbidden).</summary>
    public static bool CanSee(Actor actor, Guid incidentId, Instant now) =>
        actor.Role != Role.Responder || (incidentId == actor.OnlyIncidentId && (actor.ExpiresAt is null || now < actor.ExpiresAt));
}
