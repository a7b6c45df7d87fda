using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Pages.Incidents;

/// <summary>
/// The affected people of an incident, for security leads and legal staff: the list (the first 500; every view is
/// audited), safety flags per person, the manual-contact worklist, and the incident's counts taken from the list.
/// </summary>
public sealed class PeopleModel(PeopleRegister register, IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string IncidentTitle { get; private set; } = "";
    public IReadOnlyList<PeopleRegister.Person> People { get; private set; } = [];
    public IReadOnlyList<PeopleRegister.ManualContact> Worklist { get; private set; } = [];
    public string? Message { get; private set; }
    public bool CanUpdateCounts { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostFlagsAsync(Guid personId, bool doNotEmail, string? delegateTo, string? redactions)
    {
        await LoadActorAsync();
        var result = await register.SetFlagsAsync(Actor, Id, personId, new PeopleRegister.Flags(doNotEmail, delegateTo, redactions), HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        Message = result.IsOk ? "Saved. People with a flag never receive an email notice." : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostCountsAsync()
    {
        await LoadActorAsync();
        var result = await register.UpdateCountsAsync(Actor, Id, HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        Message = result.IsOk ? "The incident's counts now follow the list; its duties were recomputed." : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await workspace.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!incident.IsOk) return Refusal(incident.Status);
        IncidentTitle = $"{incident.Value!.Reference} {incident.Value.Title}";
        var worklist = await register.WorklistAsync(actor, Id, HttpContext.RequestAborted);
        if (!worklist.IsOk) return Refusal(worklist.Status);
        Worklist = worklist.Value!;
        People = (await register.ListAsync(actor, Id, "people page", Shown, HttpContext.RequestAborted)).Value!;
        CanUpdateCounts = Allows(Operation.EditIncident, Id);
        return null;
    }
}
