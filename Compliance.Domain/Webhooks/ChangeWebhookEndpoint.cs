using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>Changes an endpoint's address, description, events or whether it is enabled; a stale version is a conflict. Audited.</summary>
public sealed class ChangeWebhookEndpoint(ComplianceDbContext db, WebhookAddressRule rule, IClock clock)
{
    /// <summary>Null fields stay as they are.</summary>
    public sealed record Request(Guid Id, string? Url, string? Description, IReadOnlyList<string>? Events, bool? Enabled, int? ExpectedVersion);

    public async Task<Outcome<WebhookEndpoint>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<WebhookEndpoint>.Forbidden();
        var endpoint = await WebhookAdmin.FindAsync(db, actor, request.Id, ct);
        if (endpoint is null) return Outcome<WebhookEndpoint>.NotFound();
        if (request.ExpectedVersion is { } expected && expected != endpoint.Version)
            return Outcome<WebhookEndpoint>.Conflict($"This endpoint was changed by someone else (version {endpoint.Version}, you had {expected}); reload it.");
        var errors = new Dictionary<string, string[]>();
        if (request.Url is not null) WebhookEndpointInput.CheckUrl(request.Url, rule, errors);
        WebhookEndpointInput.CheckDescription(request.Description, errors);
        if (request.Events is not null) WebhookEndpointInput.CheckEvents(request.Events, errors);
        if (errors.Count > 0) return Outcome<WebhookEndpoint>.Invalid(errors);

        var before = new { endpoint.Url, endpoint.Description, events = endpoint.Events.ToList(), endpoint.Enabled };
        endpoint.Change(request.Url?.Trim(), request.Description?.Trim(), request.Events is null ? null : WebhookEndpointInput.Normalised(request.Events), request.Enabled);
        var after = new { endpoint.Url, endpoint.Description, events = endpoint.Events.ToList(), endpoint.Enabled };
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "webhook.changed", new { endpoint.Id, before, after }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookEndpoint>.Ok(endpoint);
    }
}
