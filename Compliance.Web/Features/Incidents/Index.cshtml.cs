using Microsoft.AspNetCore.Mvc;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>The organisation's incidents, newest awareness first, with how many duties are open and the next deadline.</summary>
public sealed class IndexModel(IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    public sealed record Row(Incident Incident, int OpenDuties, DeadlineView? Next);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>Words to find in the reference or the title.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>open, contained, closed, or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public static readonly IReadOnlyList<IncidentStatus> Statuses = Enum.GetValues<IncidentStatus>();

    public async Task OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var listed = (await workspace.ListAsync(actor, HttpContext.RequestAborted)).Value!;
        Total = listed.Count;
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var status = KebabCase<IncidentStatus>.TryParse(Status, out var s) ? s : (IncidentStatus?)null;
        var incidents = listed.Where(i => (status is null || i.Status == status)
            && words.All(w => i.Reference.Contains(w, StringComparison.OrdinalIgnoreCase) || i.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        var open = (await workspace.OpenDutiesAsync(actor, HttpContext.RequestAborted)).ToLookup(d => d.Incident.Id, d => d.Obligation);
        Rows = incidents.Select(i =>
        {
            var duties = open[i.Id].ToList();
            var next = duties.Where(d => d.Deadline is not null).MinBy(d => d.Deadline);
            return new Row(i, duties.Count, next is null ? null : new DeadlineView(next, Zones, Now));
        }).ToList();
    }
}
