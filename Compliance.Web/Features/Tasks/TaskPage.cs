using Compliance.Domain.Incidents;
using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Tasks;

/// <summary>A page about an incident's tasks: the incident is found through the workspace (another organisation's is not found).</summary>
public abstract class TaskPage(TaskPageReads reads, WorkspaceContext context) : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid IncidentId { get; set; }

    public Incident Incident { get; private set; } = null!;
    public IReadOnlyList<TaskOwner> Owners { get; private set; } = [];
    public DateTimeZone IncidentZone => TimeText.Zone(Incident.ClockZone, Zones.Organisation);
    public bool CanChange => Allows(Operation.ChangeTasks, IncidentId);

    protected IncidentTaskQuery Tasks => reads.Tasks;

    protected async Task<IActionResult?> LoadIncidentAsync()
    {
        var actor = await LoadActorAsync();
        var found = await reads.Workspace.GetAsync(actor, IncidentId, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        Incident = found.Value!;
        Owners = await reads.Owners.ListAsync(actor.OrganisationId, HttpContext.RequestAborted);
        return null;
    }

    public string OwnerName(Guid? userId) =>
        userId is { } id ? Owners.FirstOrDefault(o => o.UserId == id) is { } o ? o.Shown : "a former member" : "nobody yet";

    /// <summary>Messages by API field name, for a person: each with the form's label in front.</summary>
    public static FieldErrors ErrorsFor(IReadOnlyDictionary<string, string[]> errors, string field, string id, string label) =>
        new(id, errors.TryGetValue(field, out var messages) ? messages.Select(m => FieldMessages.ForPerson(label, m)).ToList() : []);
}

/// <summary>What every task page reads: the incident (through the workspace), its tasks, and who may own one.</summary>
public sealed record TaskPageReads(IncidentAccess Workspace, IncidentTaskQuery Tasks, TaskOwners Owners);
