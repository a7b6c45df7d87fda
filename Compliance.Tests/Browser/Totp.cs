using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Compliance.Tests.Browser;

/// <summary>An authenticator app in a few lines: RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits, a base32 key.</summary>
public static class Totp
{
    /// <summary>
    /// The code of the app's next 30-second step: a code works once, so each sign-in of a test moves the app's fixed
    /// clock on by a step, as a person signing in again would wait for the next code.
    /// </summary>
    public static string Next(string base32Key, Support.FixedClock appClock)
    {
        appClock.Advance(NodaTime.Duration.FromSeconds(30));
        return Code(base32Key, appClock.Now.ToDateTimeOffset());
    }

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return bytes.ToArray();
    }
}
