using NodaTime;

namespace Compliance.Domain.Idempotency;

/// <summary>
/// A POST that sends or files, remembered by the caller's Idempotency-Key: the first request claims the key (its
/// fingerprint and no response yet), and its response is stored once it has one. A retry with the same key and the
/// same request gets that response again and changes nothing; the same key with a different request is refused.
/// </summary>
public sealed class IdempotentRequest
{
    public const int KeyLength = 255;
    public const int PathLength = 400;

    private IdempotentRequest() { Key = ""; Method = ""; Path = ""; Fingerprint = ""; }

    public IdempotentRequest(Guid organisationId, Guid userId, string key, string method, string path, string fingerprint, Instant createdAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        UserId = userId;
        Key = key;
        Method = method;
        Path = path;
        Fingerprint = fingerprint;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>Who sent the first request: a key is the caller's, another member's retry with it is refused.</summary>
    public Guid UserId { get; private set; }

    public string Key { get; private set; }
    public string Method { get; private set; }
    public string Path { get; private set; }

    /// <summary>SHA-256 (hex) of method, path and body: what "the same request" means.</summary>
    public string Fingerprint { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[]? Body { get; private set; }
    public Instant? CompletedAt { get; private set; }

    public bool IsComplete => StatusCode is not null;

    public void Complete(int statusCode, string? contentType, string? location, byte[] body, Instant at)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
        CompletedAt = at;
    }
}
