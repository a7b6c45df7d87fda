using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Account;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once. Identity's own provider
/// accepts a code again for as long as its step is valid, so a code read over a shoulder or replayed by a phishing
/// proxy signs in a second time; here a code is accepted only for a step later than the last one this person used,
/// claimed by one conditional UPDATE so that two requests racing with the same code cannot both win. The time is the
/// app's clock, one step either side for a phone whose clock drifts.
/// </summary>
public sealed class OneTimeAuthenticator(ComplianceDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<User>
{
    public const string ProviderName = "OneTimeAuthenticator";
    private const int StepSeconds = 30;

    // Only a confirmed authenticator: a key made on the set-up page and never confirmed is no second factor.
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        Task.FromResult(user.TwoFactorEnabled && user.ProtectedAuthenticatorKey is not null);

    // Codes come from the person's authenticator app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        if (token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key) return false;

        var secret = Base32.Decode(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(BitConverter.GetBytes(Code(secret, step)), BitConverter.GetBytes(code))) continue;
            var claimed = await db.Users
                .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastAuthenticatorStep, step));
            return claimed == 1;
        }
        return false;
    }

    internal static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
    }
}

/// <summary>RFC 4648 base32, the alphabet authenticator keys are written in.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0) throw new FormatException("An authenticator key holds only base32 characters.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return bytes.ToArray();
    }
}
