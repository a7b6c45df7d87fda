using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Tasks;

/// <summary>Changing a task's kind, title, owner, due time, notes and, for law enforcement, the report's reference and officer.</summary>
public sealed class EditModel(EditTask edit, TaskPageReads reads, WorkspaceContext context) : TaskPage(reads, context)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public TaskForm Form { get; set; } = new();
    public IncidentTask Item { get; private set; } = null!;
    public TaskFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        Form = TaskForm.From(Item, IncidentZone);
        View = Show(new Dictionary<string, string[]>(), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var (input, errors, ambiguity) = Form.Read(IncidentZone);
        if (input is not null)
        {
            var edited = await edit.HandleAsync(Actor, new EditTask.Request(IncidentId, Id, input), HttpContext.RequestAborted);
            if (edited.IsOk) return Redirect($"/Incidents/{IncidentId}/Tasks/{Id}");
            if (edited.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(edited.Status);
            errors = new Dictionary<string, string[]>(edited.Errors);
        }
        View = Show(errors, ambiguity);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadIncidentAsync() is { } refusal) return refusal;
        var found = await Tasks.GetAsync(Actor, IncidentId, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        Item = found.Value!;
        return CanChange ? null : Forbid();
    }

    private TaskFormView Show(IReadOnlyDictionary<string, string[]> errors, Ambiguity? ambiguity) =>
        new(Form, Owners, ZoneChoices.Few(IncidentZone.Id, Zones.Reader.Id, Zones.Organisation.Id, Form.Zone), errors, ambiguity, "Save the task");
}
