using System.Security.Cryptography;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// A bearer token for the JSON API, bound to one user in one organisation. Only its SHA-256 is stored;
/// the token itself is shown once, when created.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "cmp_";

    private ApiToken() { Name = ""; Hash = ""; }

    private ApiToken(Guid id, Guid userId, Guid organisationId, string name, string hash, Instant createdAt, Instant? expiresAt)
    {
        Id = id;
        UserId = userId;
        OrganisationId = organisationId;
        Name = name;
        Hash = hash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public string Hash { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? ExpiresAt { get; private set; }
    public Instant? LastUsedAt { get; set; }
    public Instant? RevokedAt { get; set; }

    /// <summary>A new token and the secret to hand to its owner (never stored).</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, Guid organisationId, string name, Instant now, Instant? expiresAt = null)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken(Guid.NewGuid(), userId, organisationId, name, HashOf(secret), now, expiresAt), secret);
    }

    public static string HashOf(string secret) => Sha256Text.Of(secret);

    public bool IsValidAt(Instant now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
