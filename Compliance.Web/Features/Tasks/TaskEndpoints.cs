using Compliance.Domain.Incidents;
using Compliance.Domain.Json;
using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Tasks;

/// <summary>
/// GET/POST /incidents/{id}/tasks, GET/PATCH /incidents/{id}/tasks/{taskId} and GET .../evidence: the incident's tasks beyond the law, with
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
            .WithSummary("The incident's tasks beyond the law (police, staff, board, donors, partners, insurer, platforms, CERT), open ones first, then by due time, a page at a time.")
            .WithPaging()
            .Produces<TaskList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPost("/", AddAsync)
            .WithName("AddTask")
            .WithRequestExample("""{ "kind": "law-enforcement", "title": "Report to the police cyber unit", "dueAt": "2019-03-17T12:00:00+08:00", "reportReference": "HKPF-2019-0315", "officer": "Inspector Wong" }""")
            .WithSummary("Add a task: kind and title required; ownerId (a member's user id), dueAt (ISO with offset), notes; reportReference and officer for law enforcement.")
            .Accepts<TaskBody>("application/json")
            .Produces<TaskResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapGet("/{taskId:guid}", GetAsync)
            .WithName("GetTask")
            .WithSummary("One task as the task page shows it, with its version as ETag (send it back in If-Match to change or complete it).")
            .Produces<TaskResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapGet("/{taskId:guid}/evidence", EvidenceAsync)
            .WithName("DownloadTaskEvidence")
            .WithSummary("Download the evidence file kept when the task was completed (404 when it has none); Repr-Digest carries its SHA-256 as recorded at upload.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        TaskCompletionEndpoint.Map(tasks);

        tasks.MapPatch("/{taskId:guid}", PatchAsync)
            .WithName("ChangeTask")
            .WithRequestExample("""{ "state": "done", "doneAt": "2019-03-17T10:00:00+08:00" }""")
            .WithSummary("Change the fields given (null clears ownerId, dueAt, notes, reportReference, officer); state: open, in-progress, done (doneAt optional), not-needed (reason required). " +
                         "Send If-Match with the task's version (its ETag) to refuse a stale change with 409.")
            .Accepts<TaskPatchBody>("application/json")
            .Produces<TaskResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, IncidentTaskQuery tasks, CancellationToken ct)
    {
        var list = await tasks.ListAsync(http.Actor(), id, ct);
        if (!list.IsOk) return ApiResults.From(list, _ => Results.Empty);
        var (page, problem) = PageRequest.From(http.Request, 5);
        if (problem is not null) return problem;
        var zone = await ZoneAsync(id, http, ct);
        // The key spells out IncidentTaskQuery.Ordered: open first, dated before undated, by due time, then as added.
        var paged = page.Slice(list.Value!, t => [t.IsOpen ? "0" : "1", t.DueAt is null ? "1" : "0",
            CursorKey.Ascending(t.DueAt ?? NodaTime.Instant.FromUnixTimeTicks(0)), CursorKey.Ascending(t.CreatedAt), CursorKey.Of(t.Id)]);
        return Results.Ok(new TaskList(paged.Items.Select(t => TaskResource.From(t, zone)).ToList(), paged.NextLink(http.Request)));
    }

    // Who may not add is told so before their body is read, as before any other command.
    private static async Task<IResult> AddAsync(Guid id, HttpContext http, IncidentTaskQuery tasks, AddTask add, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        var visible = await tasks.ListAsync(actor, id, ct);
        if (!visible.IsOk) return ApiResults.From(visible, _ => Results.Empty);
        if (!Permissions.Allows(actor, Operation.ChangeTasks, id, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var input = TaskBodyReader.ReadNew(reader, body.Root);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        var zone = await ZoneAsync(id, http, ct);
        return ApiResults.From(await add.HandleAsync(actor, new AddTask.Request(id, input!), ct),
            t =>
            {
                http.Response.Headers.ETag = IfMatch.ETagOf(t.Version);
                return Results.Created($"{IncidentEndpoints.UrlOf(id)}/tasks/{t.Id}", TaskResource.From(t, zone));
            });
    }

    private static async Task<IResult> GetAsync(Guid id, Guid taskId, HttpContext http, IncidentTaskQuery tasks, CancellationToken ct)
    {
        var found = await tasks.GetAsync(http.Actor(), id, taskId, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var zone = await ZoneAsync(id, http, ct);
        http.Response.Headers.ETag = IfMatch.ETagOf(found.Value!.Version);
        return Results.Ok(TaskResource.From(found.Value!, zone));
    }

    private static async Task<IResult> EvidenceAsync(Guid id, Guid taskId, HttpContext http, IncidentTaskQuery tasks, CancellationToken ct) =>
        ApiResults.From(await tasks.EvidenceAsync(http.Actor(), id, taskId, ct), file =>
        {
            http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
            // Always an attachment: an uploaded HTML file must never render as a page of this site.
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

    private static async Task<IResult> PatchAsync(Guid id, Guid taskId, HttpContext http, IncidentTaskQuery tasks, ChangeTask change, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await tasks.GetAsync(actor, id, taskId, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        if (!Permissions.Allows(actor, Operation.ChangeTasks, id, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var (expected, stale) = IfMatch.Read(http.Request, "task");
        if (stale is not null) return stale;
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var request = TaskBodyReader.ReadPatch(reader, body.Root, found.Value!) with { ExpectedVersion = expected };
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        var zone = await ZoneAsync(id, http, ct);
        return ApiResults.From(await change.HandleAsync(actor, request, ct), t =>
        {
            http.Response.Headers.ETag = IfMatch.ETagOf(t.Version);
            return Results.Ok(TaskResource.From(t, zone));
        });
    }

    internal static async Task<string> ZoneAsync(Guid incidentId, HttpContext http, CancellationToken ct)
    {
        var workspace = http.RequestServices.GetRequiredService<IncidentAccess>();
        var incident = await workspace.GetAsync(http.Actor(), incidentId, ct);
        return incident.Value?.ClockZone ?? "UTC";
    }
}
