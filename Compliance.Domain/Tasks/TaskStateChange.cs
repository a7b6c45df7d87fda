using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

public sealed partial class IncidentTasks
{
    /// <summary>A request to move a task to another state, with what it needs to be valid (as <see cref="TaskInput"/> is for an edit).</summary>
    public sealed record StateChange(TaskState State, Instant? DoneAt, string? Reason, string? Notes, IncidentWorkspace.EvidenceUpload? Evidence)
    {
        /// <summary>What is wrong with this change at <paramref name="now"/>, by field; empty when nothing is.</summary>
        public Dictionary<string, string[]> Problems(Instant now)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var reason = Reason?.Trim();
            if (State == TaskState.NotNeeded)
            {
                if (string.IsNullOrWhiteSpace(reason) || reason.Length < 5) errors["reason"] = ["Say why this task is not needed (at least 5 characters); the record should show the reasoning."];
                else if (PlainText.Problem(reason, IncidentTask.ReasonLength, multiline: true) is { } badReason) errors["reason"] = [badReason];
            }
            if (DoneAt is { } at && at > now + Duration.FromMinutes(5)) errors["doneAt"] = ["is in the future; record a task as done once it is done."];
            if (Notes is { Length: > 0 } notes && PlainText.Problem(notes.Trim(), IncidentTask.NotesLength, multiline: true) is { } badNotes) errors["notes"] = [badNotes];
            if (Evidence is { Content.Length: > EvidenceFile.MaxBytes }) errors["evidence"] = [$"is larger than {EvidenceFile.MaxBytes / 1024 / 1024} MiB; keep a smaller copy here and the original elsewhere."];
            return errors;
        }
    }
}
