using Compliance.Domain.Persistence;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>
/// One event for one endpoint, written in the transaction of the change it reports (an outbox). The sender decides
/// from this row alone whether to send: never again once a receiver answered 2xx, never after giving up.
/// </summary>
public sealed class WebhookDelivery
{
    public const int EventIdLength = 64;

    /// <summary>How long to wait after each failed attempt; after the last one the delivery is given up.</summary>
    public static readonly Duration[] Backoff =
    [
        Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromMinutes(30),
        Duration.FromHours(2), Duration.FromHours(6), Duration.FromHours(12),
    ];

    private WebhookDelivery() { EventId = ""; EventType = ""; Payload = ""; }

    public WebhookDelivery(Guid organisationId, Guid endpointId, string eventId, string eventType, string payload, Instant at)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        EndpointId = endpointId;
        EventId = eventId;
        EventType = eventType;
        Payload = payload;
        CreatedAt = StoredPrecision.Of(at);
        NextAttemptAt = CreatedAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid EndpointId { get; private set; }

    /// <summary>The webhook-id header: the same for every endpoint that receives this event, and for every retry.</summary>
    public string EventId { get; private set; }

    public string EventType { get; private set; }
    public string Payload { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Attempts begun (a sender claims attempt n+1 by moving this from n).</summary>
    public int Attempts { get; private set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public Instant? NextAttemptAt { get; private set; }

    public Instant? DeliveredAt { get; private set; }
    public Instant? GivenUpAt { get; private set; }

    public bool IsPending => DeliveredAt is null && GivenUpAt is null;

    public void Delivered(Instant at)
    {
        DeliveredAt = StoredPrecision.Of(at);
        NextAttemptAt = null;
    }

    /// <summary>After a failed attempt: wait the next step of <see cref="Backoff"/>, or give up after the last.</summary>
    public void Failed(Instant at)
    {
        if (Attempts > Backoff.Length)
        {
            GivenUpAt = StoredPrecision.Of(at);
            NextAttemptAt = null;
        }
        else NextAttemptAt = StoredPrecision.Of(at + Backoff[Attempts - 1]);
    }

    /// <summary>No more attempts (the endpoint was disabled).</summary>
    public void GiveUp(Instant at)
    {
        GivenUpAt = StoredPrecision.Of(at);
        NextAttemptAt = null;
    }

    /// <summary>An admin asked for another attempt now, whatever happened before.</summary>
    public void Replay(Instant at)
    {
        DeliveredAt = null;
        GivenUpAt = null;
        NextAttemptAt = StoredPrecision.Of(at);
    }
}
