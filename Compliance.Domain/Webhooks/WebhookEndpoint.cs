using Compliance.Domain.Persistence;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>
/// A receiver an organisation registered for some event types. Its signing secret is kept encrypted by the key ring
/// (<see cref="IWebhookSecretProtector"/>): a stolen database alone cannot forge deliveries. The version moves with
/// every change, so two admins cannot overwrite each other (ETag / If-Match).
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlLength = 2000;
    public const int DescriptionLength = 200;

    private WebhookEndpoint() { Url = ""; Description = ""; ProtectedSecret = ""; CreatedBy = ""; }

    public WebhookEndpoint(Guid organisationId, string url, string description, IEnumerable<string> events, string protectedSecret, string createdBy, Instant at)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Url = url;
        Description = description;
        Events = events.ToList();
        ProtectedSecret = protectedSecret;
        Enabled = true;
        CreatedBy = createdBy;
        CreatedAt = StoredPrecision.Of(at);
        SecretRotatedAt = CreatedAt;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Url { get; private set; }
    public string Description { get; private set; }

    /// <summary>The event types it receives (<see cref="WebhookEvents"/>).</summary>
    public List<string> Events { get; private set; } = [];

    /// <summary>The "whsec_..." secret, encrypted by the key ring; never shown after creation or rotation.</summary>
    public string ProtectedSecret { get; private set; }

    public bool Enabled { get; private set; }
    public string CreatedBy { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant SecretRotatedAt { get; private set; }
    public int Version { get; private set; }

    public bool Wants(string eventType) => Enabled && Events.Contains(eventType);

    public void Change(string? url, string? description, IReadOnlyList<string>? events, bool? enabled)
    {
        if (url is not null) Url = url;
        if (description is not null) Description = description;
        if (events is not null) Events = events.ToList();
        if (enabled is { } on) Enabled = on;
        Version++;
    }

    public void RotateSecret(string protectedSecret, Instant at)
    {
        ProtectedSecret = protectedSecret;
        SecretRotatedAt = StoredPrecision.Of(at);
        Version++;
    }
}
