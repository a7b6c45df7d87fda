using System.Collections.Concurrent;
using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary>
/// Sign-in failures counted per email address, whether or not an account has it: after five in fifteen minutes the
/// address is refused for fifteen minutes, so the "locked" answer tells nothing about which accounts exist, and a
/// shared office proxy is not locked out as a whole by one person's guessing (the per-address limit can then be
/// generous). Identity's own lockout still holds for real accounts, across nodes; this count lives in one process.
/// </summary>
public sealed class SignInThrottle(IClock clock, SignInThrottle.Limits limits)
{
    public sealed record Limits(int FailuresBeforeLock, Duration Window)
    {
        public static readonly Limits Default = new(5, Duration.FromMinutes(15));
    }

    private readonly ConcurrentDictionary<string, List<Instant>> failures = new(StringComparer.Ordinal);

    public bool IsLocked(string email)
    {
        var now = clock.GetCurrentInstant();
        if (!failures.TryGetValue(Key(email), out var list)) return false;
        lock (list)
        {
            list.RemoveAll(at => at <= now - limits.Window);
            return list.Count >= limits.FailuresBeforeLock;
        }
    }

    public void Failed(string email)
    {
        var list = failures.GetOrAdd(Key(email), _ => []);
        lock (list) list.Add(clock.GetCurrentInstant());
        if (failures.Count > 100_000) Prune();
    }

    public void Succeeded(string email) => failures.TryRemove(Key(email), out _);

    private void Prune()
    {
        var cutoff = clock.GetCurrentInstant() - limits.Window;
        foreach (var (key, list) in failures)
            lock (list)
                if (list.TrueForAll(at => at <= cutoff)) failures.TryRemove(key, out _);
    }

    private static string Key(string email) => email.Trim().ToUpperInvariant();
}

/// <summary>
/// A password check that costs the same whether or not the account exists: an unknown email is checked against a
/// hash made by the same hasher, so the answer's timing does not tell which addresses have accounts.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<User> hasher)
{
    private static readonly User Nobody = new(Guid.Empty, "nobody@invalid", "", default);
    private readonly Lazy<string> hash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public void Check(string password) => hasher.VerifyHashedPassword(Nobody, hash.Value, password);
}
