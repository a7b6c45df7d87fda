using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>Registers a receiver; its secret is returned once, in clear, and kept only encrypted. Audited.</summary>
public sealed class AddWebhookEndpoint(ComplianceDbContext db, IWebhookSecretProtector secrets, WebhookAddressRule rule, IClock clock)
{
    public sealed record Request(string? Url, string? Description, IReadOnlyList<string>? Events);

    public sealed record Added(WebhookEndpoint Endpoint, string Secret);

    public async Task<Outcome<Added>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<Added>.Forbidden();
        var errors = new Dictionary<string, string[]>();
        WebhookEndpointInput.CheckUrl(request.Url, rule, errors);
        WebhookEndpointInput.CheckDescription(request.Description, errors);
        WebhookEndpointInput.CheckEvents(request.Events, errors);
        if (errors.Count > 0) return Outcome<Added>.Invalid(errors);

        var secret = WebhookSecret.New();
        var endpoint = new WebhookEndpoint(actor.OrganisationId, request.Url!.Trim(), request.Description?.Trim() ?? "",
            WebhookEndpointInput.Normalised(request.Events!), secrets.Protect(secret), actor.Email, clock.GetCurrentInstant());
        db.WebhookEndpoints.Add(endpoint);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "webhook.added",
            new { endpoint.Id, endpoint.Url, events = endpoint.Events }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Added>.Ok(new Added(endpoint, secret));
    }
}
