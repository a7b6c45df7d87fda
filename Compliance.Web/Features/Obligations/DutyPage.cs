using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Obligations;

/// <summary>A page about one duty of one incident; the duty is looked up among the incident's, so it must belong
/// to an incident the person may see.</summary>
public abstract class DutyPage(IncidentAccess access, IncidentDuties duties, WorkspaceContext context) : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid IncidentId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public Incident Incident { get; private set; } = null!;
    public Obligation Duty { get; private set; } = null!;
    public DeadlineView Deadline => new(Duty, Zones, Now);

    /// <summary>Null when the duty was found; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> LoadDutyAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await access.GetAsync(actor, IncidentId, HttpContext.RequestAborted);
        if (!incident.IsOk) return Refusal(incident.Status);
        var all = await duties.ReadAsync(actor, IncidentId, withHistory: true, HttpContext.RequestAborted);
        if (all.Value!.FirstOrDefault(o => o.Id == Id) is not { } duty) return NotFound();
        Incident = incident.Value!;
        Duty = duty;
        return null;
    }

    protected IActionResult BackToIncident() => Redirect($"/Incidents/{IncidentId}#duty-{Id}");
}
