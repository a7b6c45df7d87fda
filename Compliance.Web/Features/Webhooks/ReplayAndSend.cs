using Compliance.Domain.Webhooks;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Webhooks;

namespace Compliance.Web.Features.Webhooks;

/// <summary>A replay for the page and the API: the delivery is reset (audited) and its attempt handed to Hangfire at once.</summary>
public sealed class ReplayAndSend(ReplayWebhookDelivery replay, WebhookTrigger trigger)
{
    public async Task<Outcome<WebhookDelivery>> HandleAsync(Actor actor, Guid deliveryId, CancellationToken ct = default)
    {
        var outcome = await replay.HandleAsync(actor, deliveryId, ct);
        if (outcome.IsOk) trigger.SendSoon(outcome.Value!);
        return outcome;
    }
}
