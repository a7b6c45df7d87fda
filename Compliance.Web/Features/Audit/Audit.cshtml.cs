using Compliance.Domain.Audit;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Audit;

/// <summary>
/// The organisation's audit log across incidents and settings, newest first, in plain words, filtered by person,
/// kind and dates (in the reader's zone); views and exports are folded away unless asked for.
/// </summary>
public sealed class AuditModel(OrganisationAudit audit, WorkspaceContext context) : WorkspacePage(context)
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Reads { get; set; }

    public OrganisationAudit.Result Log { get; private set; } = new([], 0, [], false);
    public IReadOnlyDictionary<Guid, string> IncidentReferences => Log.IncidentReferences;
    public string? DateProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        if (!Allows(Operation.ExportAudit, null)) return Forbid();
        var from = Day(From, "From");
        var to = Day(To, "To");
        Log = await audit.ReadAsync(actor.OrganisationId,
            new(Who, Kind, from?.AtStartOfDayInZone(Zones.Reader).ToInstant(), to?.PlusDays(1).AtStartOfDayInZone(Zones.Reader).ToInstant(), Reads),
            PageSize, HttpContext.RequestAborted);
        return Page();
    }

    private LocalDate? Day(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } parsed) return parsed.Value;
        DateProblem = $"{label} '{text}' is not a date such as 2026-11-22; it was left out.";
        return null;
    }
}
