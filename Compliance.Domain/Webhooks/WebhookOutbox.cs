using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Webhooks;

/// <summary>
/// Turns the audit lines a save is about to seal into delivery rows for the endpoints that want them, in the same
/// transaction: an event is recorded if and only if its change is. Costs nothing for lines that raise no event, and
/// one read of the organisation's endpoints for those that do.
/// </summary>
internal static class WebhookOutbox
{
    public static async Task WriteAsync(ComplianceDbContext db, IReadOnlyList<AuditEntry> drafts, CancellationToken ct)
    {
        var raising = drafts.Where(d => d.IncidentId is not null && WebhookEvents.MayRaise(d.Action)).OrderBy(d => d.DraftOrder).ToList();
        if (raising.Count == 0) return;
        var organisations = raising.Select(d => d.OrganisationId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking()
            .Where(e => organisations.Contains(e.OrganisationId) && e.Enabled).ToListAsync(ct);
        if (endpoints.Count == 0) return;
        var zones = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => organisations.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.TimeZone, ct);

        foreach (var line in raising)
        {
            using var data = JsonDocument.Parse(line.Data);
            var filing = data.RootElement.TryGetProperty("filing", out var f) && f.TryGetGuid(out var filingId) ? filingId : (Guid?)null;
            foreach (var type in WebhookEvents.RaisedBy(line.Action, filing is not null))
            {
                var wanting = endpoints.Where(e => e.OrganisationId == line.OrganisationId && e.Wants(type)).ToList();
                if (wanting.Count == 0) continue;
                var body = await DataOfAsync(db, type, line, data.RootElement, filing, ct);
                if (body is null) continue;
                var eventId = WebhookEventId.New();
                var payload = WebhookPayload.Of(eventId, type, line.At, WebhookPayload.ZoneOf(zones.GetValueOrDefault(line.OrganisationId, "UTC")), body);
                foreach (var endpoint in wanting)
                    db.WebhookDeliveries.Add(new WebhookDelivery(line.OrganisationId, endpoint.Id, eventId, type, payload, line.At));
            }
        }
    }

    private static async Task<object?> DataOfAsync(ComplianceDbContext db, string type, AuditEntry line, JsonElement data, Guid? filing, CancellationToken ct)
    {
        var incidentId = line.IncidentId!.Value;
        switch (type)
        {
            case WebhookEvents.IncidentCreated or WebhookEvents.IncidentChanged:
                return new { incident = WebhookPayload.Incident(incidentId) };
            case WebhookEvents.CampaignApproved or WebhookEvents.CampaignFinished:
                return data.TryGetProperty("campaign", out var c) && c.TryGetGuid(out var campaignId)
                    ? WebhookPayload.ForCampaign(incidentId, campaignId) : null;
            default:
                if (!data.TryGetProperty("id", out var d) || !d.TryGetGuid(out var dutyId)) return null;
                var duty = db.ChangeTracker.Entries<Obligation>().Select(e => e.Entity).FirstOrDefault(o => o.Id == dutyId)
                    ?? await db.Obligations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == dutyId, ct);
                if (duty is null) return null;
                return type == WebhookEvents.FilingFiled && filing is { } id ? WebhookPayload.ForFiling(duty, id) : WebhookPayload.ForDuty(duty);
        }
    }
}

/// <summary>Event ids (the webhook-id header): random for changes, derived from the duty for clock events, so a duty's "overdue" is one event.</summary>
public static class WebhookEventId
{
    public static string New() => "evt_" + Guid.NewGuid().ToString("N");

    public static string ForDuty(string type, Guid dutyId) => $"evt_{type}_{dutyId:N}";
}
