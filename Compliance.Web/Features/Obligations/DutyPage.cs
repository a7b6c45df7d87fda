using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>A page about one duty of one incident; the duty is looked up through the workspace, so it must belong
/// to an incident the person may see.</summary>
public abstract class DutyPage(IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    [BindProperty(SupportsGet = true)] public Guid IncidentId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public Incident Incident { get; private set; } = null!;
    public Obligation Duty { get; private set; } = null!;
    public DeadlineView Deadline => new(Duty, Zones, Now);

    protected IncidentWorkspace Workspace => workspace;

    /// <summary>Null when the duty was found; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> LoadDutyAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await workspace.GetAsync(actor, IncidentId, HttpContext.RequestAborted);
        if (!incident.IsOk) return Refusal(incident.Status);
        var duties = await workspace.ObligationsAsync(actor, IncidentId, withHistory: true, HttpContext.RequestAborted);
        if (duties.Value!.FirstOrDefault(o => o.Id == Id) is not { } duty) return NotFound();
        Incident = incident.Value!;
        Duty = duty;
        return null;
    }

    protected IActionResult BackToIncident() => Redirect($"/Incidents/{IncidentId}#duty-{Id}");
}
