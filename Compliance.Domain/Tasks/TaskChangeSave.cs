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
    public static async Task<Outcome<IncidentTask>> ApplyAndSaveAsync(ComplianceDbContext db, IClock clock, IncidentTaskQuery tasks, Actor actor,
        Guid incidentId, Guid taskId, Func<IncidentTask, Task<Outcome<IncidentTask>>> apply, CancellationToken ct)
    {
        var found = await tasks.GetAsync(actor, incidentId, taskId, ct);
        if (!found.IsOk) return found;
        var applied = await apply(found.Value!);
        if (applied.IsOk && db.ChangeTracker.HasChanges()) await SaveAsync(db, clock, actor.OrganisationId, incidentId, ct);
        return applied;
    }
}
