using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Tasks;

/// <summary>Adding a task to an incident beyond those its organisation's template gave it.</summary>
public sealed class NewModel(AddTask add, TaskPageReads reads, WorkspaceContext context) : TaskPage(reads, context)
{
    [BindProperty] public TaskForm Form { get; set; } = new();
    public TaskFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadIncidentAsync() is { } refusal) return refusal;
        if (!CanChange) return Forbid();
        Form = new TaskForm { Kind = KebabCase<TaskKind>.ToId(TaskKind.Other), Zone = IncidentZone.Id };
        View = Show(new Dictionary<string, string[]>(), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadIncidentAsync() is { } refusal) return refusal;
        if (!CanChange) return Forbid();
        var (input, errors, ambiguity) = Form.Read(IncidentZone);
        if (input is not null)
        {
            var added = await add.HandleAsync(Actor, new AddTask.Request(IncidentId, input), HttpContext.RequestAborted);
            if (added.IsOk) return Redirect($"/Incidents/{IncidentId}#tasks");
            if (added.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(added.Status);
            errors = new Dictionary<string, string[]>(added.Errors);
        }
        View = Show(errors, ambiguity);
        return Page();
    }

    private TaskFormView Show(IReadOnlyDictionary<string, string[]> errors, Ambiguity? ambiguity) =>
        new(Form, Owners, ZoneChoices.Few(IncidentZone.Id, Zones.Reader.Id, Zones.Organisation.Id, Form.Zone), errors, ambiguity, "Add the task");
}
