using System.Security.Cryptography;

namespace Compliance.Domain.Webhooks;

/// <summary>Encrypts endpoint secrets at rest (the key ring, as for affected people's details).</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);
    string Unprotect(string protectedSecret);
}

/// <summary>A signing secret in the Standard Webhooks form: "whsec_" and base64 of 32 random bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key bytes the signature is computed with.</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
