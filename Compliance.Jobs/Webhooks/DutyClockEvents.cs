using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// The events the clock raises: a duty due within <c>Webhooks:DueSoonHours</c>, and a duty whose deadline passed while
/// still open. Reads only open duties whose deadline falls in the window (the (status, deadline) index), only for
/// organisations with an endpoint that wants them. The event id is derived from the duty and the kind, and a
/// delivery is unique per (endpoint, event id): each duty is announced due soon once, and overdue once.
/// </summary>
public sealed class DutyClockEvents(Func<ComplianceDbContext> openDb, IClock clock, WebhookOptions options)
{
    /// <summary>How far back an overdue deadline is still announced (a sweep that was down for a while catches up; older ones are old news).</summary>
    public static readonly Duration OverdueLookback = Duration.FromDays(7);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var db = openDb();
        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(ct))
            .Where(e => e.Wants(WebhookEvents.DutyDueSoon) || e.Wants(WebhookEvents.DutyOverdue)).ToList();
        if (endpoints.Count == 0) return 0;
        var organisations = endpoints.Select(e => e.OrganisationId).Distinct().ToList();
        var now = clock.GetCurrentInstant();
        var soon = now + Duration.FromHours(options.DueSoonHours);
        var from = now - OverdueLookback;
        var duties = await db.Obligations.AsNoTracking()
            .Where(o => o.Status == ObligationStatus.Open && o.Deadline != null && o.Deadline > from && o.Deadline <= soon
                && organisations.Contains(o.OrganisationId))
            .ToListAsync(ct);
        if (duties.Count == 0) return 0;
        var zones = await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.TimeZone, ct);

        var events = duties.Select(d => (Duty: d, Type: d.Deadline <= now ? WebhookEvents.DutyOverdue : WebhookEvents.DutyDueSoon)).ToList();
        var eventIds = events.Select(e => WebhookEventId.ForDuty(e.Type, e.Duty.Id)).ToList();
        var known = (await db.WebhookDeliveries.AsNoTracking().Where(d => eventIds.Contains(d.EventId))
            .Select(d => new { d.EndpointId, d.EventId }).ToListAsync(ct)).Select(k => (k.EndpointId, k.EventId)).ToHashSet();
        var added = 0;
        foreach (var (duty, type) in events)
        {
            var eventId = WebhookEventId.ForDuty(type, duty.Id);
            var at = type == WebhookEvents.DutyOverdue ? duty.Deadline!.Value : now;
            string? payload = null;
            foreach (var endpoint in endpoints.Where(e => e.OrganisationId == duty.OrganisationId && e.Wants(type) && !known.Contains((e.Id, eventId))))
            {
                payload ??= WebhookPayload.Of(eventId, type, at, WebhookPayload.ZoneOf(zones.GetValueOrDefault(duty.OrganisationId, "UTC")), WebhookPayload.ForDuty(duty));
                db.WebhookDeliveries.Add(new WebhookDelivery(duty.OrganisationId, endpoint.Id, eventId, type, payload, now));
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
