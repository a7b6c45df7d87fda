using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// A passkey or security key (a WebAuthn credential) a person signs in with. Only the public key is stored: the
/// private key never leaves the authenticator, and it signs only for this site's name, so a look-alike site cannot
/// collect anything that works here. The signature counter grows with each use on keys that keep one; a counter that
/// goes backwards means two copies of the key exist.
/// </summary>
public sealed class SecurityKey
{
    public const int NicknameLength = 100;

    private SecurityKey() { CredentialId = []; PublicKey = []; Transports = ""; Nickname = ""; }

    public SecurityKey(Guid id, Guid userId, byte[] credentialId, byte[] publicKey, uint signCount, IEnumerable<string> transports,
        string nickname, Guid aaGuid, Instant createdAt)
    {
        Id = id;
        UserId = userId;
        CredentialId = credentialId;
        PublicKey = publicKey;
        SignCount = signCount;
        Transports = string.Join(',', transports);
        Nickname = nickname;
        AaGuid = aaGuid;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public byte[] CredentialId { get; private set; }

    /// <summary>The credential's public key as COSE (RFC 9052), as the authenticator gave it.</summary>
    public byte[] PublicKey { get; private set; }
    public long SignCount { get; private set; }

    /// <summary>How the browser can reach the authenticator (usb, nfc, ble, hybrid, internal), comma-separated.</summary>
    public string Transports { get; private set; }
    public string Nickname { get; private set; }

    /// <summary>The authenticator model's id (all zeros when the authenticator does not say).</summary>
    public Guid AaGuid { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? LastUsedAt { get; private set; }

    public IReadOnlyList<string> TransportList => Transports.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Used(uint signCount, Instant at)
    {
        SignCount = signCount;
        LastUsedAt = at;
    }
}
