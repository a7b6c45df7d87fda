using System.Text.Json;
using Compliance.Domain.Webhooks;

namespace Compliance.Web.Features.Webhooks;

/// <summary>An endpoint as the API shows it: never its secret (only the creation and rotation answers carry it, once).</summary>
public sealed record WebhookEndpointResource(Guid Id, string Url, string Description, IReadOnlyList<string> Events, bool Enabled,
    string CreatedBy, string CreatedAt, string SecretRotatedAt, int Version, string Deliveries)
{
    public static WebhookEndpointResource From(WebhookEndpoint e, string zone) => new(e.Id, e.Url, e.Description, e.Events, e.Enabled,
        e.CreatedBy, ApiTime.Format(e.CreatedAt, zone), ApiTime.Format(e.SecretRotatedAt, zone), e.Version, $"{WebhookEndpoints.UrlOf(e.Id)}/deliveries");

    public static string ETagOf(WebhookEndpoint e) => IfMatch.ETagOf(e.Version);
}

/// <summary>The answer to a creation or a rotation: the endpoint and its signing secret, shown this once.</summary>
public sealed record WebhookEndpointWithSecret(WebhookEndpointResource Endpoint, string Secret);

public sealed record WebhookEndpointList(IReadOnlyList<WebhookEndpointResource> Items);

/// <summary>One event for one endpoint: state (pending, delivered, given-up), the payload as sent, and every attempt.</summary>
public sealed record WebhookDeliveryResource(Guid Id, Guid EndpointId, string EventId, string EventType, string State, string CreatedAt,
    int Attempts, string? NextAttemptAt, string? DeliveredAt, string? GivenUpAt, JsonElement Payload, IReadOnlyList<WebhookAttemptResource> AttemptLog)
{
    public static WebhookDeliveryResource From(WebhookReads.DeliveryWithAttempts d, string zone)
    {
        var x = d.Delivery;
        using var payload = JsonDocument.Parse(x.Payload);
        return new(x.Id, x.EndpointId, x.EventId, x.EventType, StateOf(x), ApiTime.Format(x.CreatedAt, zone), x.Attempts,
            ApiTime.Format(x.NextAttemptAt, zone), ApiTime.Format(x.DeliveredAt, zone), ApiTime.Format(x.GivenUpAt, zone),
            payload.RootElement.Clone(), d.Attempts.Select(a => WebhookAttemptResource.From(a, zone)).ToList());
    }

    public static string StateOf(WebhookDelivery d) => d.DeliveredAt is not null ? "delivered" : d.GivenUpAt is not null ? "given-up" : "pending";
}

/// <summary>An attempt: the HTTP status (null when none came back), the first KiB of the answer, how long it took, the error.</summary>
public sealed record WebhookAttemptResource(int Number, string At, int? Status, string? Response, int DurationMilliseconds, string? Error)
{
    public static WebhookAttemptResource From(WebhookAttempt a, string zone) =>
        new(a.Number, ApiTime.Format(a.At, zone), a.StatusCode, a.ResponseExcerpt, a.DurationMilliseconds, a.Error);
}

/// <summary>The body of POST /webhooks (and, each field optional, PATCH /webhooks/{id} with enabled and version).</summary>
public sealed record WebhookEndpointBody(string Url, string? Description, IReadOnlyList<string> Events);

public sealed record WebhookEndpointPatchBody(string? Url, string? Description, IReadOnlyList<string>? Events, bool? Enabled, int? Version);

/// <summary>The answer to a replay: the delivery, due now.</summary>
public sealed record WebhookReplayResource(Guid Id, string EventId, string EventType, string State, int Attempts, string? NextAttemptAt);
