using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>What the admin page and the API show of an organisation's endpoints and their deliveries (admins only).</summary>
public sealed class WebhookReads(ComplianceDbContext db, IClock clock)
{
    public sealed record DeliveryWithAttempts(WebhookDelivery Delivery, IReadOnlyList<WebhookAttempt> Attempts);

    public async Task<Outcome<List<WebhookEndpoint>>> EndpointsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<List<WebhookEndpoint>>.Forbidden();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.OrganisationId == actor.OrganisationId).ToListAsync(ct);
        return Outcome<List<WebhookEndpoint>>.Ok(endpoints.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList());
    }

    public async Task<Outcome<WebhookEndpoint>> EndpointAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<WebhookEndpoint>.Forbidden();
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.OrganisationId == actor.OrganisationId, ct);
        return endpoint is null ? Outcome<WebhookEndpoint>.NotFound() : Outcome<WebhookEndpoint>.Ok(endpoint);
    }

    /// <summary>
    /// An endpoint's deliveries, newest first, keyset-paged by (created at, id): up to <paramref name="limit"/>+1 rows
    /// after the one the cursor names, each with its attempts in order.
    /// </summary>
    public async Task<Outcome<List<DeliveryWithAttempts>>> DeliveriesAsync(Actor actor, Guid endpointId, int limit, (Instant At, Guid Id)? after, CancellationToken ct = default)
    {
        var endpoint = await EndpointAsync(actor, endpointId, ct);
        if (!endpoint.IsOk) return endpoint.Refusal<List<DeliveryWithAttempts>>();
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        if (after is { } a) query = query.Where(d => d.CreatedAt < a.At || (d.CreatedAt == a.At && d.Id.CompareTo(a.Id) > 0));
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(t => ids.Contains(t.DeliveryId)).ToListAsync(ct))
            .ToLookup(t => t.DeliveryId);
        return Outcome<List<DeliveryWithAttempts>>.Ok(deliveries
            .Select(d => new DeliveryWithAttempts(d, attempts[d.Id].OrderBy(t => t.Number).ToList())).ToList());
    }
}
