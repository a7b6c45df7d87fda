using System.Text;
using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Audit;

/// <summary>An incident's audit log: who changed what, when, from what to what; the CSV export is itself logged.</summary>
public sealed class IncidentAuditModel(IncidentAccess access, IncidentAuditTrail trail, ExportAudit export, WorkspaceContext context)
    : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await access.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!incident.IsOk) return Refusal(incident.Status);
        Incident = incident.Value!;
        Entries = (await trail.ReadAsync(actor, Id, HttpContext.RequestAborted)).Value!;
        return Page();
    }

    // A POST, not a link: an export is an event worth logging, and a prefetching browser must not log one.
    public async Task<IActionResult> OnPostCsvAsync()
    {
        var actor = await LoadActorAsync();
        var exported = await export.HandleAsync(actor, new ExportAuditRequest(Id), HttpContext.RequestAborted);
        if (!exported.IsOk) return Refusal(exported.Status);
        var csv = new StringWriter();
        await AuditCsv.WriteAsync(exported.Value!.Entries, csv);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"audit-{exported.Value.Incident!.Reference}.csv");
    }
}
