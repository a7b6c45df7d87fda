using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Tasks;

/// <summary>
/// GET/POST /incidents/{id}/tasks and PATCH /incidents/{id}/tasks/{taskId}: the incident's tasks beyond the law, with
/// the same validation, roles and audit as the pages. A PATCH changes the fields it names (null clears an optional one);
/// "state" moves the task (done with an optional "doneAt", not-needed with a "reason").
/// </summary>
public static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/incidents/{id:guid}/tasks").WithTags("Tasks");

        tasks.MapGet("/", ListAsync)
            .WithName("ListTasks")
            .WithSummary("The incident's tasks beyond the law (police, staff, board, donors, partners, insurer, platforms, CERT), open ones first.")
            .Produces<TaskList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPost("/", AddAsync)
            .WithName("AddTask")
            .WithSummary("Add a task: kind and title required; ownerId (a member's user id), dueAt (ISO with offset), notes; reportReference and officer for law enforcement.")
            .Accepts<TaskBody>("application/json")
            .Produces<TaskResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPatch("/{taskId:guid}", PatchAsync)
            .WithName("ChangeTask")
            .WithSummary("Change the fields given (null clears ownerId, dueAt, notes, reportReference, officer); state: open, in-progress, done (doneAt optional), not-needed (reason required).")
            .Accepts<TaskPatchBody>("application/json")
            .Produces<TaskResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, IncidentTasks tasks, CancellationToken ct)
    {
        var actor = http.Actor();
        var list = await tasks.ListAsync(actor, id, ct);
        if (!list.IsOk) return ApiResults.From(list, _ => Results.Empty);
        var zone = await ZoneAsync(id, http, ct);
        return Results.Ok(new TaskList(list.Value!.Select(t => TaskResource.From(t, zone)).ToList()));
    }

    private static async Task<IResult> AddAsync(Guid id, HttpContext http, IncidentTasks tasks, CancellationToken ct)
    {
        var actor = http.Actor();
        var visible = await tasks.ListAsync(actor, id, ct);
        if (!visible.IsOk) return ApiResults.From(visible, _ => Results.Empty);
        if (!tasks.MayChange(actor, id)) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var kind = reader.Enum<TaskKind>(body.Root, "kind", "kind");
        var title = reader.String(body.Root, "title", "title", required: true, maxLength: IncidentTask.TitleLength);
        var owner = Owner(reader, body.Root, null);
        var due = reader.Instant(body.Root, "dueAt", "dueAt", required: false);
        var notes = reader.String(body.Root, "notes", "notes", required: false, maxLength: IncidentTask.NotesLength, multiline: true);
        var reference = reader.String(body.Root, "reportReference", "reportReference", required: false, maxLength: IncidentTask.ReferenceLength);
        var officer = reader.String(body.Root, "officer", "officer", required: false, maxLength: IncidentTask.OfficerLength);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        var zone = await ZoneAsync(id, http, ct);
        return ApiResults.From(await tasks.AddAsync(actor, id, new TaskInput(kind!.Value, title!, owner, due, notes, reference, officer), ct),
            t => Results.Created($"{IncidentEndpoints.UrlOf(id)}/tasks/{t.Id}", TaskResource.From(t, zone)));
    }

    private static async Task<IResult> PatchAsync(Guid id, Guid taskId, HttpContext http, IncidentTasks tasks, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await tasks.GetAsync(actor, id, taskId, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        if (!tasks.MayChange(actor, id)) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var root = body.Root;
        var task = found.Value!;
        var current = TaskInput.From(task);
        var reader = new FieldReader();
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
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var zone = await ZoneAsync(id, http, ct);
        if (input != current)
        {
            var edited = await tasks.EditAsync(actor, id, taskId, input, ct);
            if (!edited.IsOk) return ApiResults.From(edited, _ => Results.Empty);
        }
        if (state is { } newState && (newState != task.State || newState is TaskState.Done or TaskState.NotNeeded && (doneAt is not null || reason is not null)))
        {
            var changed = await tasks.ChangeStateAsync(actor, id, taskId, new IncidentTasks.StateChange(newState, doneAt, reason, null, null), ct);
            if (!changed.IsOk) return ApiResults.From(changed, _ => Results.Empty);
        }
        return Results.Ok(TaskResource.From(task, zone));
    }

    private static Guid? Owner(FieldReader reader, JsonElement root, Guid? fallback)
    {
        if (!FieldReader.Present(root, "ownerId", out var value)) return fallback;
        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)) return id;
        reader.Error("ownerId", $"{FieldReader.Show(value)} is not a member's user id (a UUID), or null for nobody.");
        return fallback;
    }

    private static async Task<string> ZoneAsync(Guid incidentId, HttpContext http, CancellationToken ct)
    {
        var workspace = http.RequestServices.GetRequiredService<IncidentWorkspace>();
        var incident = await workspace.GetAsync(http.Actor(), incidentId, ct);
        return incident.Value?.ClockZone ?? "UTC";
    }
}

public sealed record TaskBody(string Kind, string Title, Guid? OwnerId, string? DueAt, string? Notes, string? ReportReference, string? Officer);

public sealed record TaskPatchBody(string? Kind, string? Title, Guid? OwnerId, string? DueAt, string? Notes, string? ReportReference, string? Officer,
    string? State, string? DoneAt, string? Reason);

public sealed record TaskResource(Guid Id, Guid IncidentId, string Kind, string Title, Guid? OwnerId, string? DueAt, string State, string? Notes,
    string? ReportReference, string? Officer, string? DoneAt, string? DoneBy, string? NotNeededReason, Guid? EvidenceFileId, bool FromTemplate,
    string CreatedAt, string CreatedBy)
{
    public static TaskResource From(IncidentTask t, string zone) => new(t.Id, t.IncidentId, KebabCase<TaskKind>.ToId(t.Kind), t.Title, t.OwnerUserId,
        ApiTime.Format(t.DueAt, zone), KebabCase<TaskState>.ToId(t.State), t.Notes, t.ReportReference, t.Officer, ApiTime.Format(t.DoneAt, zone), t.DoneBy,
        t.NotNeededReason, t.EvidenceFileId, t.FromTemplate, ApiTime.Format(t.CreatedAt, zone), t.CreatedBy);
}

public sealed record TaskList(IReadOnlyList<TaskResource> Tasks);
