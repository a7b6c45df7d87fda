using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Incidents;

/// <summary>Logging a new incident: the facts, from which the duties are computed at once.</summary>
public sealed class NewModel(CreateIncident create, WorkspaceContext context) : WorkspacePage(context)
{
    [BindProperty] public IncidentForm Form { get; set; } = new();
    public IncidentFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadActorAsync();
        if (!Allows(Operation.CreateIncident, null)) return Forbid();
        Form = IncidentForm.Blank(Zones.Organisation.Id);
        View = new IncidentFormView(Form, new Dictionary<string, string[]>(), new Dictionary<string, Ambiguity>(), "Save and compute duties");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await LoadActorAsync();
        if (!Allows(Operation.CreateIncident, null)) return Forbid();
        var read = IncidentFormReader.Read(Form);
        if (read.Input is { } input)
        {
            var created = await create.HandleAsync(actor, input, HttpContext.RequestAborted);
            if (created.IsOk) return Redirect($"/Incidents/{created.Value!.Id}");
            if (created.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(created.Status);
            read = read with { Errors = created.Errors };
        }
        View = new IncidentFormView(Form.WithSpareRows(), read.Errors, read.Ambiguities, "Save and compute duties");
        return Page();
    }
}
