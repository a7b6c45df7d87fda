using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Obligations;
using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Tasks;

/// <summary>
/// POST /incidents/{id}/tasks/{taskId}/completion: the task page's "Complete" form. When it was done and notes, as
/// JSON, or as multipart/form-data with the same fields and an <c>evidence</c> file (the police report's receipt) of up
/// to 10 MiB. A command of its own rather than a multipart PATCH: a form cannot say null, and filing a file is not an
/// edit of fields; like a duty's fulfilment it takes an Idempotency-Key so a retried upload files once.
/// </summary>
public static class TaskCompletionEndpoint
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "doneAt", "notes" };

    public static void Map(RouteGroupBuilder tasks) =>
        tasks.MapPost("/{taskId:guid}/completion", CompleteAsync)
            .WithName("CompleteTask")
            .WithRequestExample("""{ "doneAt": "2019-03-16T09:30:00+08:00", "notes": "Reported at Wan Chai; receipt attached." }""")
            .WithSummary("Complete a task, as the task page does: doneAt (ISO with offset; now when left out), notes, and optionally an evidence file " +
                         "(multipart/form-data, up to 10 MiB), kept with its SHA-256 and downloadable from the task's /evidence. " +
                         "Send If-Match with the task's version (its ETag) to refuse a stale change with 409.")
            .Accepts<TaskCompletionBody>("application/json", "multipart/form-data")
            .Produces<TaskResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();

    // Who may not complete is told so before their body (and file) is read.
    private static async Task<IResult> CompleteAsync(Guid id, Guid taskId, HttpContext http, IncidentTaskQuery tasks, ChangeTask change, IClock clock,
        CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await tasks.GetAsync(actor, id, taskId, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        if (!Permissions.Allows(actor, Operation.ChangeTasks, id, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var (expected, stale) = IfMatch.Read(http.Request, "task");
        if (stale is not null) return stale;

        JsonDocument? document;
        EvidenceUpload? evidence = null;
        if (http.Request.HasFormContentType)
        {
            var form = await EvidenceForm.ReadAsync(http, ct);
            if (form.Problem is not null) return form.Problem;
            (document, evidence) = (form.Fields, form.Evidence);
        }
        else
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, ct);
            if (body.Problem is not null) return body.Problem;
            document = body.Document;
        }

        using (document)
        {
            var root = document!.RootElement;
            var reader = new FieldReader();
            var doneAt = reader.Instant(root, "doneAt", "doneAt", required: false);
            var notes = reader.String(root, "notes", "notes", required: false, maxLength: IncidentTask.NotesLength, multiline: true);
            var unknown = EvidenceForm.Unknown(root, Fields, "a task's completion");
            if (reader.HasErrors || unknown.Count > 0) return ApiResults.Invalid(reader.Errors.Concat(unknown).ToDictionary());

            var done = new ChangeTaskState.Request(id, taskId, TaskState.Done, doneAt, Notes: notes, Evidence: evidence);
            var zone = await TaskEndpoints.ZoneAsync(id, http, ct);
            return ApiResults.From(await change.HandleAsync(actor, new ChangeTask.Request(id, taskId, null, done, expected), ct), t =>
            {
                http.Response.Headers.ETag = IfMatch.ETagOf(t.Version);
                return Results.Ok(TaskResource.From(t, zone));
            });
        }
    }
}

/// <summary>POST body of a completion; as multipart/form-data the same fields and an "evidence" file.</summary>
public sealed record TaskCompletionBody(string? DoneAt, string? Notes);
