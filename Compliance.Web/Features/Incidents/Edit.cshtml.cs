using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Incidents;

/// <summary>Correcting an incident's facts; the duties are recomputed and the old ones kept as history.</summary>
public sealed class EditModel(IncidentAccess access, UpdateIncident update, WorkspaceContext context) : WorkspacePage(context)
{
    private const string Submit = "Save and recompute duties";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public IncidentForm Form { get; set; } = new();
    public Incident Incident { get; private set; } = null!;
    public IncidentFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var found = await access.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        if (!Allows(Operation.EditIncident, Id)) return Forbid();
        Incident = found.Value!;
        Form = IncidentForm.From(Incident);
        View = new IncidentFormView(Form, new Dictionary<string, string[]>(), IncidentFormReader.Read(Form).Ambiguities, Submit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await LoadActorAsync();
        var found = await access.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        if (!Allows(Operation.EditIncident, Id)) return Forbid();
        Incident = found.Value!;
        // The form shows the risk level and links to its assessment; a client that still posts the fields changes them.
        Form.RiskLevel ??= Compliance.Domain.Vocabulary.KebabCase<Compliance.Domain.Vocabulary.RiskLevel>.ToId(Incident.RiskLevel);
        Form.RiskRationale ??= Incident.RiskRationale;

        var read = IncidentFormReader.Read(Form);
        string? conflict = null;
        if (read.Input is { } input)
        {
            var updated = await update.HandleAsync(actor, new UpdateIncidentRequest(Id, input, Form.Version), HttpContext.RequestAborted);
            switch (updated.Status)
            {
                case OutcomeStatus.Ok: return Redirect($"/Incidents/{Id}");
                case OutcomeStatus.NotFound or OutcomeStatus.Forbidden: return Refusal(updated.Status);
                case OutcomeStatus.Conflict: conflict = updated.Errors["$"][0]; break;
                default: read = read with { Errors = updated.Errors }; break;
            }
        }
        View = new IncidentFormView(Form.WithSpareRows(), read.Errors, read.Ambiguities, Submit, conflict);
        return Page();
    }
}
