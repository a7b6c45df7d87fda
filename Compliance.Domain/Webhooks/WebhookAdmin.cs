using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>Webhooks are the organisation's admins' business: the question is asked here, and ids of another organisation are not found.</summary>
internal static class WebhookAdmin
{
    public static bool Allows(Actor actor, IClock clock) => Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant());

    public static Task<WebhookEndpoint?> FindAsync(ComplianceDbContext db, Actor actor, Guid id, CancellationToken ct) =>
        db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id && e.OrganisationId == actor.OrganisationId, ct);
}
