using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>Removes an endpoint with its deliveries and attempts; the audit line keeps its address.</summary>
public sealed class RemoveWebhookEndpoint(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<bool>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<bool>.Forbidden();
        var endpoint = await WebhookAdmin.FindAsync(db, actor, id, ct);
        if (endpoint is null) return Outcome<bool>.NotFound();
        db.WebhookEndpoints.Remove(endpoint);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "webhook.removed", new { endpoint.Id, endpoint.Url }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
