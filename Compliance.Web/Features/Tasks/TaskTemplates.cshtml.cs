using System.Globalization;
using Compliance.Domain.Organisations;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Tasks;

/// <summary>
/// The tasks every new incident starts with: kind, title, default owner (a role or a member), due so many hours after
/// awareness. Admins edit it; incidents already logged keep the tasks they have.
/// </summary>
public sealed class TaskTemplatesModel(SaveTaskTemplates save, TaskOwners owners, OrganisationQuery organisations, WorkspaceContext context)
    : WorkspacePage(context)
{
    public const int BlankRows = 3;

    public sealed class Row
    {
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public string? Owner { get; set; }
        public string? DueHours { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Owner) && string.IsNullOrWhiteSpace(DueHours);
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];
    public IReadOnlyList<TaskOwner> Owners { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        if (!Allows(Operation.ManageOrganisation, null)) return Forbid();
        var org = (await organisations.GetAsync(actor, HttpContext.RequestAborted)).Value!;
        Rows = TaskTemplates.Read(org.TaskTemplates).Select(ToRow).ToList();
        Saved = Request.Query.ContainsKey("saved");
        return await ShowAsync(actor);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await LoadActorAsync();
        if (!Allows(Operation.ManageOrganisation, null)) return Forbid();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var templates = new List<TaskTemplate>();
        var kept = Rows.Where(r => !r.Remove && !r.IsBlank).ToList();
        for (var n = 0; n < kept.Count; n++)
        {
            var r = kept[n];
            if (!KebabCase<TaskKind>.TryParse(r.Kind, out var kind)) errors[$"templates[{n}].kind"] = ["Choose whom the task is about."];
            Role? role = null;
            Guid? user = null;
            if (r.Owner is { Length: > 0 } owner)
            {
                if (owner.StartsWith("role:", StringComparison.Ordinal) && KebabCase<Role>.TryParse(owner[5..], out var parsedRole)) role = parsedRole;
                else if (owner.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParse(owner[5..], out var id)) user = id;
                else errors[$"templates[{n}].ownerId"] = ["Choose a role, a member, or nobody."];
            }
            int? hours = null;
            if (r.DueHours is { Length: > 0 } text)
            {
                if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h)) hours = h;
                else errors[$"templates[{n}].dueHours"] = ["Give the hours after awareness as a whole number, e.g. 72, or leave it empty."];
            }
            templates.Add(new TaskTemplate(kind, r.Title ?? "", role, user, hours));
        }
        if (errors.Count == 0)
        {
            var saved = await save.HandleAsync(actor, new SaveTaskTemplates.Request(templates), HttpContext.RequestAborted);
            if (saved.IsOk) return Redirect("/Admin/TaskTemplates?saved=1");
            if (saved.Status == OutcomeStatus.Forbidden) return Forbid();
            errors = new Dictionary<string, string[]>(saved.Errors);
        }
        Rows = kept;
        Errors = errors;
        return await ShowAsync(actor);
    }

    /// <summary>The messages of row <paramref name="n"/>, in plain words with the row's number.</summary>
    public IEnumerable<string> RowErrors(int n) => Errors.Where(e => e.Key.StartsWith($"templates[{n}].", StringComparison.Ordinal))
        .SelectMany(e => e.Value.Select(m => FieldMessages.ForPerson($"Row {n + 1}: {Label(e.Key)}", m)));

    private static string Label(string key) => key[(key.IndexOf('.') + 1)..] switch
    {
        "title" => "the title",
        "dueHours" => "the due time",
        "ownerId" => "the owner",
        "ownerRole" => "the owner",
        _ => "the kind",
    };

    private static Row ToRow(TaskTemplate t) => new()
    {
        Kind = KebabCase<TaskKind>.ToId(t.Kind),
        Title = t.Title,
        Owner = t.OwnerUserId is { } u ? $"user:{u}" : t.OwnerRole is { } r ? $"role:{KebabCase<Role>.ToId(r)}" : "",
        DueHours = t.DueHours?.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<IActionResult> ShowAsync(Actor actor)
    {
        Owners = await owners.ListAsync(actor.OrganisationId, HttpContext.RequestAborted);
        for (var i = 0; i < BlankRows; i++) Rows.Add(new Row { Kind = KebabCase<TaskKind>.ToId(TaskKind.Other) });
        return Page();
    }
}
