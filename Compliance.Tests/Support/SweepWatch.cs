using System.Diagnostics;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Support;

/// <summary>
/// Watches a lease row (e.g. the reminder sweep's) for runs that take it: each take stamps RenewedAt, and a run can
/// only take it once the run before has let it go. Two takes seen after a moment prove that one whole run started
/// and finished after it: an event to wait for, instead of a sleep.
/// </summary>
public static class SweepWatch
{
    public static async Task<bool> RunsAfterAsync(DatabaseOptions db, string lease, int runs, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        Instant? last = await RenewedAtAsync(db, lease);
        var seen = 0;
        while (seen < runs && watch.Elapsed < timeout)
        {
            await Task.Delay(100);
            var now = await RenewedAtAsync(db, lease);
            if (now is not null && now != last) (seen, last) = (seen + 1, now);
        }
        return seen >= runs;
    }

    /// <summary>
    /// Whether the lease is free (within <paramref name="timeout"/>): its last holder has finished, and what it sent
    /// before letting go has been answered by the server.
    /// </summary>
    public static async Task<bool> ReleasedAsync(DatabaseOptions db, string lease, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (await HolderAsync(db, lease) is not (null or "") && watch.Elapsed < timeout) await Task.Delay(100);
        return await HolderAsync(db, lease) is null or "";
    }

    private static async Task<string?> HolderAsync(DatabaseOptions db, string lease)
    {
        await using var ctx = ComplianceDatabase.CreateContext(db);
        return await ctx.JobLeases.Where(l => l.Name == lease).Select(l => l.Holder).SingleOrDefaultAsync();
    }

    private static async Task<Instant?> RenewedAtAsync(DatabaseOptions db, string lease)
    {
        await using var ctx = ComplianceDatabase.CreateContext(db);
        return await ctx.JobLeases.Where(l => l.Name == lease).Select(l => (Instant?)l.RenewedAt).SingleOrDefaultAsync();
    }
}
