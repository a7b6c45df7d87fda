using Microsoft.AspNetCore.Mvc;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using NodaTime;

namespace Compliance.Web.Features.Dashboard;

/// <summary>The dashboard: every open duty of the organisation, across incidents, soonest first.</summary>
public sealed class IndexModel(OpenDuties openDuties, WorkspaceContext context) : WorkspacePage(context)
{
    public sealed record Row(Incident Incident, DeadlineView Deadline)
    {
        public Obligation Duty => Deadline.Duty;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue => Rows.Count(r => r.Deadline.Overdue);
    public int AllOpen { get; private set; }

    /// <summary>When set, only duties due within this many days (overdue ones included).</summary>
    [BindProperty(SupportsGet = true)] public int? Within { get; set; }

    public async Task OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var duties = await openDuties.ReadAsync(actor, HttpContext.RequestAborted);
        AllOpen = duties.Count;
        if (Within is < 1 or > 365) Within = null;
        var horizon = Within is { } days ? Now + Duration.FromDays(days) : (Instant?)null;
        Rows = duties.Where(d => horizon is null || d.Obligation.Deadline <= horizon)
            .Select(d => new Row(d.Incident, new DeadlineView(d.Obligation, Zones, Now))).ToList();
    }
}
