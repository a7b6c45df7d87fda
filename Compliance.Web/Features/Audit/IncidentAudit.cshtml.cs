using System.Text;
using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Web.Commands;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Audit;

/// <summary>An incident's audit log: who changed what, when, from what to what; the CSV export is itself logged.</summary>
public sealed class IncidentAuditModel(IncidentWorkspace workspace, AuditLog audit, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await workspace.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!incident.IsOk) return Refusal(incident.Status);
        Incident = incident.Value!;
        Entries = (await workspace.AuditAsync(actor, Id, HttpContext.RequestAborted)).Value!;
        return Page();
    }

    // A POST, not a link: an export is an event worth logging, and a prefetching browser must not log one.
    public async Task<IActionResult> OnPostCsvAsync()
    {
        var actor = await LoadActorAsync();
        var entries = await workspace.AuditAsync(actor, Id, HttpContext.RequestAborted);
        if (!entries.IsOk) return Refusal(entries.Status);
        if (!Allows(Operation.ExportAudit, Id)) return Forbid();
        var incident = (await workspace.GetAsync(actor, Id, HttpContext.RequestAborted)).Value!;

        var csv = new StringWriter();
        await AuditCsv.WriteAsync(entries.Value!, csv);
        await audit.AppendAsync(actor.OrganisationId, Id, actor.Email, "audit.exported", new { incident = incident.Reference, entries = entries.Value!.Count });
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"audit-{incident.Reference}.csv");
    }
}
