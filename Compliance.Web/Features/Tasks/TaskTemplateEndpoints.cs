using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Tasks;

/// <summary>
/// The task template page's list (admins only): the tasks every new incident starts with. A PUT replaces the whole
/// list through the page's handler; incidents already logged keep the tasks they have.
/// </summary>
public static class TaskTemplateEndpoints
{
    private static readonly string[] ItemFields = ["kind", "title", "ownerRole", "ownerId", "dueHours"];

    public static void Map(RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/task-templates").WithTags("Tasks");

        templates.MapGet("/", GetAsync)
            .WithName("GetTaskTemplates")
            .WithSummary("The tasks every new incident starts with (admins only): kind, title, default owner (a role or a member), due hours after awareness.")
            .Produces<TaskTemplatesResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        templates.MapPut("/", PutAsync)
            .WithName("SaveTaskTemplates")
            .WithRequestExample("""{ "templates": [{ "kind": "law-enforcement", "title": "Report the breach to the police", "ownerRole": "security-lead", "dueHours": 72 }, { "kind": "board", "title": "Brief the board" }] }""")
            .WithSummary("Replace the list of tasks every new incident starts with (admins only). An empty list means new incidents start with no extra tasks; " +
                         "incidents already logged keep theirs. The ETag is the organisation's settings version: send it in If-Match to refuse a stale change with 409.")
            .Accepts<TaskTemplatesResource>("application/json")
            .Produces<TaskTemplatesResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetAsync(HttpContext http, OrganisationQuery organisations, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        return ApiResults.From(await organisations.GetAsync(actor, ct), org =>
        {
            http.Response.Headers.ETag = IfMatch.ETagOf(org.Version);
            return Results.Ok(TaskTemplatesResource.From(TaskTemplates.Read(org.TaskTemplates)));
        });
    }

    private static async Task<IResult> PutAsync(HttpContext http, SaveTaskTemplates save, OrganisationQuery organisations, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var (expected, stale) = IfMatch.Read(http.Request, "task templates");
        if (stale is not null) return stale;
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        reader.Unknown(body.Root, ["templates"], "is not a field of the task template; send only templates.");
        var templates = new List<TaskTemplate>();
        if (!FieldReader.Present(body.Root, "templates", out var list) || list.ValueKind != JsonValueKind.Array)
            reader.Error("templates", "is required: an array of tasks (empty for none).");
        else
            foreach (var (item, n) in list.EnumerateArray().Select((item, n) => (item, n)))
                if (Template(reader, item, $"templates[{n}]") is { } template) templates.Add(template);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var saved = await save.HandleAsync(actor, new SaveTaskTemplates.Request(templates, expected), ct);
        if (!saved.IsOk) return ApiResults.From(saved, _ => Results.Empty);
        var version = (await organisations.GetAsync(actor, ct)).Value?.Version;
        if (version is { } v) http.Response.Headers.ETag = IfMatch.ETagOf(v);
        return Results.Ok(TaskTemplatesResource.From(saved.Value!));
    }

    private static TaskTemplate? Template(FieldReader reader, JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object) { reader.Error(path, "must be an object with kind, title, ownerRole or ownerId, dueHours."); return null; }
        reader.Unknown(item, ItemFields, $"is not a field of a template task; use {string.Join(", ", ItemFields)}.", path);
        var kind = reader.Enum<TaskKind>(item, "kind", $"{path}.kind");
        var title = FieldReader.Present(item, "title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (title is null) reader.Error($"{path}.title", "is required: say what is to be done (up to 200 characters).");
        var role = reader.Enum<Role>(item, "ownerRole", $"{path}.ownerRole", required: false);
        Guid? owner = null;
        if (FieldReader.Present(item, "ownerId", out var id))
        {
            if (id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var parsed)) owner = parsed;
            else reader.Error($"{path}.ownerId", $"{FieldReader.Show(id)} is not a member's user id.");
        }
        if (role is not null && owner is not null) reader.Error($"{path}.ownerRole", "give either ownerRole or ownerId, not both.");
        int? hours = null;
        if (FieldReader.Present(item, "dueHours", out var due))
        {
            if (due.ValueKind == JsonValueKind.Number && due.TryGetInt32(out var h)) hours = h;
            else reader.Error($"{path}.dueHours", $"{FieldReader.Show(due)} is not a whole number of hours after awareness.");
        }
        return kind is { } k && title is not null ? new TaskTemplate(k, title, role, owner, hours) : null;
    }
}

/// <summary>The task list every new incident starts with.</summary>
public sealed record TaskTemplatesResource(IReadOnlyList<TaskTemplateResource> Templates)
{
    public static TaskTemplatesResource From(IEnumerable<TaskTemplate> templates) => new(templates.Select(TaskTemplateResource.From).ToList());
}

/// <summary>One task of the list: its owner is a role (whoever holds it), a member (ownerId), or nobody; due so many hours after awareness, or not.</summary>
public sealed record TaskTemplateResource(string Kind, string Title, string? OwnerRole, Guid? OwnerId, int? DueHours)
{
    public static TaskTemplateResource From(TaskTemplate t) =>
        new(KebabCase<TaskKind>.ToId(t.Kind), t.Title, t.OwnerRole is { } r ? KebabCase<Role>.ToId(r) : null, t.OwnerUserId, t.DueHours);
}
