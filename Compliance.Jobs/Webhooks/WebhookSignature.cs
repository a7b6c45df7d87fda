using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Webhooks;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> and base64 of HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}"
/// keyed with the secret's decoded bytes. A receiver recomputes it and compares, and refuses old timestamps.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string eventId, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), Encoding.UTF8.GetBytes($"{eventId}.{timestamp}.{body}")));

    /// <summary>Whether one of the space-separated signatures in the header is this secret's.</summary>
    public static bool Verify(string secret, string eventId, long timestamp, string body, string header)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, eventId, timestamp, body));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
