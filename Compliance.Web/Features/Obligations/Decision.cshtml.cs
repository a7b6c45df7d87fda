using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Obligations;

/// <summary>Deciding that a duty is not required: a decision with its reasons, never a deleted row.</summary>
public sealed class DecisionModel(DecideNotRequired decide, IncidentAccess access, IncidentDuties duties, WorkspaceContext context)
    : DutyPage(access, duties, context)
{
    [BindProperty] public string? Rationale { get; set; }
    public string? Conflict { get; private set; }
    public DecisionFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDutyAsync() is { } refusal) return refusal;
        if (!Allows(Operation.DecideObligation, IncidentId)) return Forbid();
        Form = new DecisionFormView(IncidentId, Duty, null, []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadDutyAsync() is { } refusal) return refusal;
        if (!Allows(Operation.DecideObligation, IncidentId)) return Forbid();
        var decided = await decide.HandleAsync(Actor, new DecideNotRequiredRequest(Id, Rationale ?? ""), HttpContext.RequestAborted);
        switch (decided.Status)
        {
            case OutcomeStatus.Ok: return BackToIncident();
            case OutcomeStatus.NotFound or OutcomeStatus.Forbidden: return Refusal(decided.Status);
            case OutcomeStatus.Conflict: Conflict = decided.Errors["$"][0]; break;
        }
        var messages = decided.Errors.GetValueOrDefault("rationale", []);
        Form = new DecisionFormView(IncidentId, Duty, Rationale, messages);
        return Page();
    }
}
