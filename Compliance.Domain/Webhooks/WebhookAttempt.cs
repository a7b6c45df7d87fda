using Compliance.Domain.Persistence;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>One POST to a receiver and what came back: the status, the first kilobyte of the answer, or the error.</summary>
public sealed class WebhookAttempt
{
    public const int ExcerptLength = 1024;
    public const int ErrorLength = 500;

    private WebhookAttempt() { }

    public WebhookAttempt(WebhookDelivery delivery, int number, Instant at, int? statusCode, string? responseExcerpt, Duration took, string? error)
    {
        Id = Guid.NewGuid();
        OrganisationId = delivery.OrganisationId;
        DeliveryId = delivery.Id;
        Number = number;
        At = StoredPrecision.Of(at);
        StatusCode = statusCode;
        ResponseExcerpt = Cut(responseExcerpt, ExcerptLength);
        DurationMilliseconds = (int)Math.Min(int.MaxValue, Math.Max(0, took.TotalMilliseconds));
        Error = Cut(error, ErrorLength);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid DeliveryId { get; private set; }
    public int Number { get; private set; }
    public Instant At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? ResponseExcerpt { get; private set; }
    public int DurationMilliseconds { get; private set; }
    public string? Error { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and < 300;

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
