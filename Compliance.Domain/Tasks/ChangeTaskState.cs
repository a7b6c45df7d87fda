using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>Moves a task to open, in progress, done (when, by whom, with notes and evidence) or not needed (with the reason).</summary>
public sealed class ChangeTaskState(ComplianceDbContext db, IncidentTaskQuery tasks, IClock clock)
{
    public sealed record Request(Guid IncidentId, Guid TaskId, TaskState State, Instant? DoneAt = null, string? Reason = null, string? Notes = null,
        EvidenceUpload? Evidence = null);

    public Task<Outcome<IncidentTask>> HandleAsync(Actor actor, Request request, CancellationToken ct = default) =>
        TaskChangeSave.ApplyAndSaveAsync(db, clock, tasks, actor, request.IncidentId, request.TaskId, task => ApplyAsync(actor, task, request, ct), ct);

    /// <summary>Checks and applies the move with its audit lines, unsaved (a PATCH may also edit the task).</summary>
    internal async Task<Outcome<IncidentTask>> ApplyAsync(Actor actor, IncidentTask task, Request change, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.ChangeTasks, task.IncidentId, now)) return Outcome<IncidentTask>.Forbidden();
        var reason = change.Reason?.Trim();
        if (Problems(change, reason, now) is { Count: > 0 } errors) return Outcome<IncidentTask>.Invalid(errors);

        var before = task.State;
        switch (change.State)
        {
            case TaskState.Done: task.Complete(change.DoneAt ?? now, actor.Email); break;
            case TaskState.NotNeeded: task.DecideNotNeeded(change.DoneAt ?? now, actor.Email, reason!); break;
            default: task.Reopen(change.State); break;
        }
        if (change.Notes is { Length: > 0 } newNotes && newNotes.Trim() != task.Notes) task.Notes = newNotes.Trim();
        task.UpdatedAt = now;
        var audit = new AuditLog(db, clock);
        await audit.AppendAsync(actor.OrganisationId, task.IncidentId, actor.Email, "task.state-changed", new
        {
            task.Id, task.Title,
            before = KebabCase<TaskState>.ToId(before), after = KebabCase<TaskState>.ToId(task.State),
            doneAt = task.DoneAt?.ToString(), reason = task.NotNeededReason, notes = change.Notes?.Trim(),
        }, ct);
        if (change.Evidence is { Content.Length: > 0 } evidence)
        {
            var file = EvidenceFile.ForTask(Guid.NewGuid(), actor.OrganisationId, task.Id, Path.GetFileName(evidence.FileName), evidence.ContentType, evidence.Content, actor.Email, now);
            db.EvidenceFiles.Add(file);
            task.EvidenceFileId = file.Id;
            await audit.AppendAsync(actor.OrganisationId, task.IncidentId, actor.Email, "task.evidence-added", new { task.Id, task.Title, evidence = file.Id, file.FileName, file.Sha256 }, ct);
        }
        return Outcome<IncidentTask>.Ok(task);
    }

    private static Dictionary<string, string[]> Problems(Request change, string? reason, Instant now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (change.State == TaskState.NotNeeded)
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Length < 5) errors["reason"] = ["Say why this task is not needed (at least 5 characters); the record should show the reasoning."];
            else if (PlainText.Problem(reason, IncidentTask.ReasonLength, multiline: true) is { } badReason) errors["reason"] = [badReason];
        }
        if (change.DoneAt is { } at && at > now + Duration.FromMinutes(5)) errors["doneAt"] = ["is in the future; record a task as done once it is done."];
        if (change.Notes is { Length: > 0 } notes && PlainText.Problem(notes.Trim(), IncidentTask.NotesLength, multiline: true) is { } badNotes) errors["notes"] = [badNotes];
        if (change.Evidence is { Content.Length: > EvidenceFile.MaxBytes }) errors["evidence"] = [$"is larger than {EvidenceFile.MaxBytes / 1024 / 1024} MiB; keep a smaller copy here and the original elsewhere."];
        return errors;
    }
}
