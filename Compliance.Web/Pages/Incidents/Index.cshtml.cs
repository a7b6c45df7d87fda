using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Web.Accounts;
using NodaTime;

namespace Compliance.Web.Pages.Incidents;

/// <summary>The organisation's incidents, newest awareness first, with how many duties are open and the next deadline.</summary>
public sealed class IndexModel(IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    public sealed record Row(Incident Incident, int OpenDuties, DeadlineView? Next);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var incidents = await workspace.ListAsync(actor, HttpContext.RequestAborted);
        var open = (await workspace.OpenDutiesAsync(actor, HttpContext.RequestAborted)).ToLookup(d => d.Incident.Id, d => d.Obligation);
        Rows = incidents.Value!.Select(i =>
        {
            var duties = open[i.Id].ToList();
            var next = duties.Where(d => d.Deadline is not null).MinBy(d => d.Deadline);
            return new Row(i, duties.Count, next is null ? null : new DeadlineView(next, Zones, Now));
        }).ToList();
    }
}
