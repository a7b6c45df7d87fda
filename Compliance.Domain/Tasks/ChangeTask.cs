using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// The API's PATCH of a task: edits the fields it names and, when it names a state, moves the task, checking both
/// before either is saved, in one transaction.
/// </summary>
public sealed class ChangeTask(ComplianceDbContext db, IncidentTaskQuery tasks, EditTask edit, ChangeTaskState move, IClock clock)
{
    /// <summary><paramref name="Edit"/> when fields change; <paramref name="State"/> when the task moves.</summary>
    public sealed record Request(Guid IncidentId, Guid TaskId, TaskInput? Edit, ChangeTaskState.Request? State, int? ExpectedVersion = null);

    public async Task<Outcome<IncidentTask>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        return await TaskChangeSave.ApplyAndSaveAsync(db, clock, tasks, actor, request.IncidentId, request.TaskId, async task =>
        {
            if (!Permissions.Allows(actor, Operation.ChangeTasks, request.IncidentId, clock.GetCurrentInstant())) return Outcome<IncidentTask>.Forbidden();
            if (request.Edit is { } input && await edit.ApplyAsync(actor, task, input, ct) is { IsOk: false } refused) return refused;
            if (request.State is { } state && await move.ApplyAsync(actor, task, state, ct) is { IsOk: false } unmoved) return unmoved;
            return Outcome<IncidentTask>.Ok(task);
        }, ct, request.ExpectedVersion);
    }
}
