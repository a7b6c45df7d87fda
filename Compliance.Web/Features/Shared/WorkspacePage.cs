using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Shared;

/// <summary>The zones a person reads times in: their own (or their organisation's), and the organisation's.</summary>
public sealed record DisplayZones(DateTimeZone Reader, DateTimeZone Organisation);

/// <summary>
/// What every workspace page needs: who is acting, the zones to show times in, the injected clock, and the
/// answer to "may this person do this here?" for showing buttons (the workspace asks again before acting).
/// </summary>
public abstract class WorkspacePage : PageModel
{
    private readonly CurrentActor current;
    private readonly ReaderZones readerZones;
    private Actor? actor;

    protected WorkspacePage(WorkspaceContext context)
    {
        current = context.Current;
        readerZones = context.Zones;
        Clock = context.Clock;
        Now = Clock.GetCurrentInstant();
    }

    protected IClock Clock { get; }
    public Instant Now { get; }
    public DisplayZones Zones { get; private set; } = new(DateTimeZone.Utc, DateTimeZone.Utc);

    protected Actor Actor => actor ?? throw new InvalidOperationException("Call LoadActorAsync first.");

    /// <summary>Loads the actor and their zones; WorkspaceAccessFilter has already turned away non-members.</summary>
    protected async Task<Actor> LoadActorAsync()
    {
        if (actor is not null) return actor; // a handler and the page load it calls may both ask
        actor = await current.GetAsync(User, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("WorkspaceAccessFilter lets only active members reach workspace pages.");
        Zones = await readerZones.ForAsync(actor, HttpContext.RequestAborted);
        return actor;
    }

    /// <summary>The heading of a page about one incident: its reference and title (set by <see cref="LoadIncidentAsync"/>).</summary>
    public string IncidentTitle { get; private set; } = "";

    /// <summary>The incident a page under /Incidents/{id} is about, if this person may see it; sets <see cref="IncidentTitle"/>.</summary>
    protected async Task<Outcome<Incident>> LoadIncidentAsync(IncidentAccess access, Guid id)
    {
        var incident = await access.GetAsync(Actor, id, HttpContext.RequestAborted);
        if (incident.IsOk) IncidentTitle = $"{incident.Value!.Reference} {incident.Value.Title}";
        return incident;
    }

    public bool Allows(Operation operation, Guid? incidentId) => Permissions.Allows(Actor, operation, incidentId, Now);

    /// <summary>Other organisations' rows are simply not there; a role that may not act is sent to the refusal page.</summary>
    protected IActionResult Refusal(OutcomeStatus status) => status switch
    {
        OutcomeStatus.NotFound => NotFound(),
        OutcomeStatus.Forbidden => Forbid(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only refusals have a standard answer."),
    };
}
