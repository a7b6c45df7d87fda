using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// Saves a change to an incident's tasks with its audit lines and the re-plan of the incident's reminders, in one
/// transaction: the planner reads the saved task, so the change is written first, then the plan, then both commit.
/// </summary>
public static class TaskChangeSave
{
    public static async Task SaveAsync(ComplianceDbContext db, IClock clock, Guid organisationId, Guid incidentId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await new ReminderPlanner(db, clock).SyncAsync(organisationId, incidentId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Finds the task through the workspace, applies the change, and saves it when it changed anything.</summary>
    /// <remarks>
    /// With <paramref name="expectedVersion"/> (the API's If-Match) a task someone else changed since is refused with a
    /// conflict, also when the other change lands between this read and this save (the version is a concurrency token).
    /// </remarks>
    public static async Task<Outcome<IncidentTask>> ApplyAndSaveAsync(ComplianceDbContext db, IClock clock, IncidentTaskQuery tasks, Actor actor,
        Guid incidentId, Guid taskId, Func<IncidentTask, Task<Outcome<IncidentTask>>> apply, CancellationToken ct, int? expectedVersion = null)
    {
        var found = await tasks.GetAsync(actor, incidentId, taskId, ct);
        if (!found.IsOk) return found;
        var task = found.Value!;
        if (expectedVersion is { } expected && expected != task.Version) return Stale(task.Version, expected);
        var applied = await apply(task);
        if (!applied.IsOk || !db.ChangeTracker.HasChanges()) return applied;
        task.MarkChanged();
        try
        {
            await SaveAsync(db, clock, actor.OrganisationId, incidentId, ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return Stale(task.Version, expectedVersion ?? task.Version - 1);
        }
        return applied;
    }

    private static Outcome<IncidentTask> Stale(int current, int edited) =>
        Outcome<IncidentTask>.Conflict($"Someone else changed this task (you edited version {edited}); reload it and apply your change again.");
}
