using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.Tasks;

/// <summary>Reads the API's task bodies into the handlers' requests; problems go to the reader, by JSON field name.</summary>
public static class TaskBodyReader
{
    public static TaskInput? ReadNew(FieldReader reader, JsonElement root)
    {
        var kind = reader.Enum<TaskKind>(root, "kind", "kind");
        var title = reader.String(root, "title", "title", required: true, maxLength: IncidentTask.TitleLength);
        var owner = Owner(reader, root, null);
        var due = reader.Instant(root, "dueAt", "dueAt", required: false);
        var notes = reader.String(root, "notes", "notes", required: false, maxLength: IncidentTask.NotesLength, multiline: true);
        var reference = reader.String(root, "reportReference", "reportReference", required: false, maxLength: IncidentTask.ReferenceLength);
        var officer = reader.String(root, "officer", "officer", required: false, maxLength: IncidentTask.OfficerLength);
        return reader.HasErrors ? null : new TaskInput(kind!.Value, title!, owner, due, notes, reference, officer);
    }

    /// <summary>A PATCH changes the fields it names (null clears an optional one); "state" moves the task.</summary>
    public static ChangeTask.Request ReadPatch(FieldReader reader, JsonElement root, IncidentTask task)
    {
        var current = TaskInput.From(task);
        var input = current with
        {
            Kind = root.TryGetProperty("kind", out _) ? reader.Enum<TaskKind>(root, "kind", "kind") ?? current.Kind : current.Kind,
            Title = root.TryGetProperty("title", out _) ? reader.String(root, "title", "title", required: true, maxLength: IncidentTask.TitleLength) ?? current.Title : current.Title,
            OwnerUserId = root.TryGetProperty("ownerId", out _) ? Owner(reader, root, null) : current.OwnerUserId,
            DueAt = root.TryGetProperty("dueAt", out _) ? reader.Instant(root, "dueAt", "dueAt", required: false) : current.DueAt,
            Notes = root.TryGetProperty("notes", out _) ? reader.String(root, "notes", "notes", required: false, maxLength: IncidentTask.NotesLength, multiline: true) : current.Notes,
            ReportReference = root.TryGetProperty("reportReference", out _) ? reader.String(root, "reportReference", "reportReference", required: false, maxLength: IncidentTask.ReferenceLength) : current.ReportReference,
            Officer = root.TryGetProperty("officer", out _) ? reader.String(root, "officer", "officer", required: false, maxLength: IncidentTask.OfficerLength) : current.Officer,
        };
        var state = root.TryGetProperty("state", out _) ? reader.Enum<TaskState>(root, "state", "state") : null;
        var doneAt = reader.Instant(root, "doneAt", "doneAt", required: false);
        var reason = reader.String(root, "reason", "reason", required: false, maxLength: IncidentTask.ReasonLength, multiline: true);
        if (doneAt is not null && state is not (TaskState.Done or TaskState.NotNeeded)) reader.Error("doneAt", "goes with state 'done' or 'not-needed'.");
        if (reason is not null && state != TaskState.NotNeeded) reader.Error("reason", "goes with state 'not-needed'.");
        // Naming the state it already has changes nothing, unless it records again when or why.
        var moves = state is { } s && (s != task.State || s is TaskState.Done or TaskState.NotNeeded && (doneAt is not null || reason is not null));
        return new ChangeTask.Request(task.IncidentId, task.Id, input != current ? input : null,
            moves ? new ChangeTaskState.Request(task.IncidentId, task.Id, state!.Value, doneAt, reason) : null);
    }

    private static Guid? Owner(FieldReader reader, JsonElement root, Guid? fallback)
    {
        if (!FieldReader.Present(root, "ownerId", out var value)) return fallback;
        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)) return id;
        reader.Error("ownerId", $"{FieldReader.Show(value)} is not a member's user id (a UUID), or null for nobody.");
        return fallback;
    }
}
