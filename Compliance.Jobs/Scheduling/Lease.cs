using Compliance.Domain.Leases;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// One lease row, taken and renewed with a single conditional UPDATE ("where nobody holds it, or it has expired, or
/// it is mine"), which every database we run on executes atomically: of two runs racing, one updates the row and the
/// other updates nothing. The job store is never trusted with this (a store may run one job twice).
/// </summary>
public sealed class Lease(Func<ComplianceDbContext> openDb, IClock clock, string name, string holder, Duration ttl)
{
    private Instant? validUntil;

    public string Name => name;
    public string Holder => holder;

    /// <summary>
    /// Whether this run may still act without asking the database: the expiry it last wrote is more than a third of
    /// the lease away. Checked before every message is released (a database round trip there would cost a commit
    /// per group of messages); the heartbeat keeps the expiry two thirds away while the holder is alive, and the
    /// third kept in hand covers clock differences between servers and the moment from the check to the release.
    /// </summary>
    public bool SafeToActAt(Instant now) => validUntil is { } until && now < until - ttl / 3;

    /// <summary>Takes the lease if it is free or expired (or already ours); false when another run holds it.</summary>
    public async Task<bool> TryTakeAsync(CancellationToken ct = default)
    {
        await EnsureRowAsync(ct);
        var now = clock.GetCurrentInstant();
        await using var db = openDb();
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.Holder == holder || l.Holder == "" || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, now + ttl).SetProperty(l => l.RenewedAt, now), ct) == 1;
        validUntil = taken ? now + ttl : null;
        return taken;
    }

    /// <summary>The heartbeat: pushes the expiry out while we still hold it; false when it was lost (expired and taken).</summary>
    public async Task<bool> RenewAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        await using var db = openDb();
        var renewed = await db.JobLeases.Where(l => l.Name == name && l.Holder == holder && l.ExpiresAt >= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now + ttl).SetProperty(l => l.RenewedAt, now), ct) == 1;
        validUntil = renewed ? now + ttl : null;
        return renewed;
    }

    /// <summary>Gives it up at once, so the next run need not wait for the expiry.</summary>
    public async Task ReleaseAsync()
    {
        validUntil = null;
        await using var db = openDb();
        await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "").SetProperty(l => l.ExpiresAt, Instant.FromUnixTimeSeconds(0)));
    }

    // The row is created once, free; a second creator's duplicate key is expected and harmless.
    private async Task EnsureRowAsync(CancellationToken ct)
    {
        await using var db = openDb();
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct)) return;
        db.JobLeases.Add(new JobLease(name, "", Instant.FromUnixTimeSeconds(0), Instant.FromUnixTimeSeconds(0)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run created it between our look and our insert.
        }
    }
}
