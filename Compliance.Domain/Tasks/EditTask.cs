using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>Changes a task's kind, title, owner, due time, notes and, for law enforcement, the report's reference and officer.</summary>
public sealed class EditTask(ComplianceDbContext db, IncidentTaskQuery tasks, TaskOwners owners, IClock clock)
{
    public sealed record Request(Guid IncidentId, Guid TaskId, TaskInput Input);

    public Task<Outcome<IncidentTask>> HandleAsync(Actor actor, Request request, CancellationToken ct = default) =>
        TaskChangeSave.ApplyAndSaveAsync(db, clock, tasks, actor, request.IncidentId, request.TaskId, task => ApplyAsync(actor, task, request.Input, ct), ct);

    /// <summary>Checks and applies the change with its audit line, unsaved (a PATCH may also move the task's state).</summary>
    internal async Task<Outcome<IncidentTask>> ApplyAsync(Actor actor, IncidentTask task, TaskInput input, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.ChangeTasks, task.IncidentId, now)) return Outcome<IncidentTask>.Forbidden();
        var problems = input.Problems(await owners.IdsAsync(actor.OrganisationId, ct));
        if (problems.Count > 0) return Outcome<IncidentTask>.Invalid(problems);
        var changes = input.ApplyTo(task);
        if (changes.Count == 0) return Outcome<IncidentTask>.Ok(task);
        task.UpdatedAt = now;
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, task.IncidentId, actor.Email, "task.edited", new { task.Id, task.Title, changes }, ct);
        return Outcome<IncidentTask>.Ok(task);
    }
}
