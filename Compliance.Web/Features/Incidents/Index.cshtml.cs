using Microsoft.AspNetCore.Mvc;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Incidents;

namespace Compliance.Web.Features.Incidents;

/// <summary>The organisation's incidents, newest awareness first, with how many duties are open and the next deadline.</summary>
public sealed class IndexModel(IncidentListQuery overview, WorkspaceContext context) : WorkspacePage(context)
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
        var listed = (await overview.ReadAsync(actor, HttpContext.RequestAborted)).Value!;
        Total = listed.Count;
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var status = KebabCase<IncidentStatus>.TryParse(Status, out var s) ? s : (IncidentStatus?)null;
        Rows = listed.Where(r => (status is null || r.Incident.Status == status)
                && words.All(w => r.Incident.Reference.Contains(w, StringComparison.OrdinalIgnoreCase) || r.Incident.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new Row(r.Incident, r.OpenDuties.Count, r.Next is { } next ? new DeadlineView(next, Zones, Now) : null)).ToList();
    }
}
