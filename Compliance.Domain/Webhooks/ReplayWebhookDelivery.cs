using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>
/// An admin asks for a delivery to be sent again now (after fixing the receiver, or to resend one it lost): a new
/// attempt, with the same event id so the receiver can tell it is the same event. Audited.
/// </summary>
public sealed class ReplayWebhookDelivery(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<WebhookDelivery>> HandleAsync(Actor actor, Guid deliveryId, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<WebhookDelivery>.Forbidden();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.OrganisationId == actor.OrganisationId, ct);
        if (delivery is null) return Outcome<WebhookDelivery>.NotFound();
        delivery.Replay(clock.GetCurrentInstant());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "webhook.replayed",
            new { endpoint = delivery.EndpointId, delivery = delivery.Id, delivery.EventId, delivery.EventType }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookDelivery>.Ok(delivery);
    }
}
