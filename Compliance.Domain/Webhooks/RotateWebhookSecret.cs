using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>A new signing secret, shown once; deliveries from now on are signed with it. Audited (without the secret).</summary>
public sealed class RotateWebhookSecret(ComplianceDbContext db, IWebhookSecretProtector secrets, IClock clock)
{
    public sealed record Rotated(WebhookEndpoint Endpoint, string Secret);

    public async Task<Outcome<Rotated>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (!WebhookAdmin.Allows(actor, clock)) return Outcome<Rotated>.Forbidden();
        var endpoint = await WebhookAdmin.FindAsync(db, actor, id, ct);
        if (endpoint is null) return Outcome<Rotated>.NotFound();
        var secret = WebhookSecret.New();
        endpoint.RotateSecret(secrets.Protect(secret), clock.GetCurrentInstant());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "webhook.secret-rotated", new { endpoint.Id, endpoint.Url }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Rotated>.Ok(new Rotated(endpoint, secret));
    }
}
