using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>
/// Saves a command on an incident as one unit: the change with its audit lines, then the incident's unsent
/// reminders moved, added or cancelled to fit (the planner reads the saved duties), in one transaction.
/// </summary>
public sealed class IncidentCommit(ComplianceDbContext db, IClock clock)
{
    public const string ConcurrentChange = "Someone else changed this incident at the same time; reload and apply your change again.";

    public async Task<Outcome<T>> SaveAsync<T>(Guid organisationId, Guid incidentId, T value, CancellationToken ct)
    {
        // A caller's transaction (a test, a larger command) already makes this one unit.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            await new ReminderPlanner(db, clock).SyncAsync(organisationId, incidentId, ct);
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return Outcome<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<T>.Conflict(ConcurrentChange);
        }
    }
}
