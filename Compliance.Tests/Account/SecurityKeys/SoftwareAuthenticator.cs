using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compliance.Tests.Account.SecurityKeys;

/// <summary>
/// A security key in a few dozen lines, to say what a real one would not: an ES256 credential whose answers can be
/// made for any origin, any relying party id and any signature counter, as a look-alike site or a copied key would.
/// Attestation "none"; CBOR written by hand (RFC 8949, the few types WebAuthn needs).
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);
    public byte[]? UserHandle { get; private set; }

    /// <summary>The answer to a registration's options, as the page's script would post it.</summary>
    public string Create(string optionsJson, string origin, string? rpId = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        rpId ??= options["rp"]!["id"]!.GetValue<string>();
        UserHandle = FromBase64Url(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>(), origin);
        var p = key.ExportParameters(false);
        var coseKey = Map((Int(1), Int(2)), (Int(3), Int(-7)), (Int(-1), Int(1)), (Int(-2), Bytes(p.Q.X!)), (Int(-3), Bytes(p.Q.Y!)));
        var authData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x45], BigEndian(0), new byte[16],
            [(byte)(CredentialId.Length >> 8), (byte)CredentialId.Length], CredentialId, coseKey);
        var attestation = Map((Text("fmt"), Text("none")), (Text("attStmt"), Map()), (Text("authData"), Bytes(authData)));
        return JsonSerializer.Serialize(new
        {
            id = ToBase64Url(CredentialId), rawId = ToBase64Url(CredentialId), type = "public-key",
            response = new { clientDataJSON = ToBase64Url(clientData), attestationObject = ToBase64Url(attestation), transports = new[] { "usb" } },
            clientExtensionResults = new { },
        });
    }

    /// <summary>The answer to a sign-in's options, signed with this key, with the counter given.</summary>
    public string Get(string optionsJson, string origin, uint signCount, string? rpId = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        rpId ??= options["rpId"]!.GetValue<string>();
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), origin);
        var authData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x05], BigEndian(signCount));
        var signature = key.SignData(Concat(authData, SHA256.HashData(clientData)), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = ToBase64Url(CredentialId), rawId = ToBase64Url(CredentialId), type = "public-key",
            response = new
            {
                clientDataJSON = ToBase64Url(clientData), authenticatorData = ToBase64Url(authData),
                signature = ToBase64Url(signature), userHandle = ToBase64Url(UserHandle!),
            },
            clientExtensionResults = new { },
        });
    }

    public void Dispose() => key.Dispose();

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin, crossOrigin = false });

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] Head(int major, long value) => value switch
    {
        < 24 => [(byte)((major << 5) | (int)value)],
        < 256 => [(byte)((major << 5) | 24), (byte)value],
        _ => [(byte)((major << 5) | 25), (byte)(value >> 8), (byte)value],
    };

    private static byte[] Int(long value) => value >= 0 ? Head(0, value) : Head(1, -1 - value);
    private static byte[] Bytes(byte[] value) => Concat(Head(2, value.Length), value);
    private static byte[] Text(string value) => Concat(Head(3, Encoding.UTF8.GetByteCount(value)), Encoding.UTF8.GetBytes(value));
    private static byte[] Map(params (byte[] Key, byte[] Value)[] entries) => Concat([Head(5, entries.Length), .. entries.SelectMany(e => new[] { e.Key, e.Value })]);
    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    private static byte[] FromBase64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));
}
