using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Web.Accounts;
using Compliance.Web.Pages.Incidents;
using NodaTime;

namespace Compliance.Web.Pages;

/// <summary>The dashboard: every open duty of the organisation, across incidents, soonest first.</summary>
public sealed class IndexModel(IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    public sealed record Row(Incident Incident, DeadlineView Deadline)
    {
        public Obligation Duty => Deadline.Duty;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue => Rows.Count(r => r.Deadline.Overdue);

    public async Task OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var duties = await workspace.OpenDutiesAsync(actor, HttpContext.RequestAborted);
        Rows = duties.Select(d => new Row(d.Incident, new DeadlineView(d.Obligation, Zones, Now))).ToList();
    }
}
