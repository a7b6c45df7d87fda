using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Risk;

/// <summary>
/// Who may confirm an incident's risk level: admins, security leads, and the responder the incident was handed to
/// (they are often the one who knows the threat). Legal staff and viewers read it. Expiry and the responder's one
/// incident are <see cref="Permissions"/>' business, asked first.
/// </summary>
public static class RiskPermissions
{
    public static bool MayAssess(Actor actor, Guid incidentId, Instant now) =>
        Permissions.Allows(actor, Operation.ReadIncident, incidentId, now) && actor.Role is Role.Admin or Role.SecurityLead or Role.Responder;
}
