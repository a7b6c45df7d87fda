using Compliance.Domain.Webhooks;
using NodaTime;

namespace Compliance.Web.Features.Webhooks;

/// <summary>GET /webhooks/{id}/deliveries (keyset-paged, newest first) and POST /webhooks/deliveries/{deliveryId}/replay.</summary>
public static class WebhookDeliveryEndpoints
{
    public static async Task<IResult> ListAsync(Guid id, HttpContext http, WebhookReads reads, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var (page, problem) = PageRequest.From(http.Request, 2);
        if (problem is not null) return problem;
        (Instant, Guid)? after = null;
        if (page.After is { } cursor)
        {
            if (!long.TryParse(cursor[0], out var descending) || !Guid.TryParse(cursor[1], out var afterId))
                return ApiResults.Invalid("after", "is not a cursor this list gave; start again without it.");
            after = (Instant.FromUnixTimeTicks((1L << 62) - descending), afterId);
        }
        var read = await reads.DeliveriesAsync(actor, id, page.Limit, after, ct);
        if (!read.IsOk) return ApiResults.From(read, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        var paged = Paged<WebhookReads.DeliveryWithAttempts>.Of(read.Value!, page.Limit,
            d => [CursorKey.Descending(d.Delivery.CreatedAt), CursorKey.Of(d.Delivery.Id)]);
        return Results.Ok(PageResource<WebhookDeliveryResource>.From(paged.Select(d => WebhookDeliveryResource.From(d, zone)), http.Request));
    }

    public static async Task<IResult> ReplayAsync(Guid deliveryId, HttpContext http, ReplayAndSend replay, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var replayed = await replay.HandleAsync(actor, deliveryId, ct);
        if (!replayed.IsOk) return ApiResults.From(replayed, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        var d = replayed.Value!;
        return Results.Accepted(null, new WebhookReplayResource(d.Id, d.EventId, d.EventType, WebhookDeliveryResource.StateOf(d), d.Attempts, ApiTime.Format(d.NextAttemptAt, zone)));
    }
}
