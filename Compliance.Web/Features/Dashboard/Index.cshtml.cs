using Microsoft.AspNetCore.Mvc;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Tasks;
using NodaTime;

namespace Compliance.Web.Features.Dashboard;

/// <summary>The dashboard: every open duty of the organisation, across incidents, soonest first.</summary>
public sealed class IndexModel(DashboardQuery dashboard, WorkspaceContext context) : WorkspacePage(context)
{
    public sealed record Row(Incident Incident, DeadlineView Deadline)
    {
        public Obligation Duty => Deadline.Duty;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue => Rows.Count(r => r.Deadline.Overdue);
    public int AllOpen { get; private set; }

    /// <summary>Open tasks of the incidents this person may see, due ones first, and who owns them.</summary>
    public IReadOnlyList<(IncidentTask Task, Incident Incident)> OpenTasks { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Owners { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Open tasks shown at first, due ones first; <c>?tasks=all</c> shows every one.</summary>
    public const int TasksAtFirst = 20;

    [BindProperty(SupportsGet = true, Name = "tasks")] public string? TasksShown { get; set; }
    public bool AllTasks => TasksShown == "all";

    /// <summary>The dashboard's address with every open task shown, keeping the duties' view.</summary>
    public string AllTasksLink => (Within is { } days ? $"/?within={days}&tasks=all" : "/?tasks=all") + "#open-tasks-section";

    /// <summary>When set, only duties due within this many days (overdue ones included).</summary>
    [BindProperty(SupportsGet = true)] public int? Within { get; set; }

    public async Task OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var snapshot = await dashboard.ReadAsync(actor, HttpContext.RequestAborted);
        var duties = snapshot.Duties;
        AllOpen = duties.Count;
        OpenTasks = snapshot.Tasks;
        Owners = snapshot.Owners;
        if (Within is < 1 or > 365) Within = null;
        var horizon = Within is { } days ? Now + Duration.FromDays(days) : (Instant?)null;
        Rows = duties.Where(d => horizon is null || d.Obligation.Deadline <= horizon)
            .Select(d => new Row(d.Incident, new DeadlineView(d.Obligation, Zones, Now))).ToList();
    }
}
