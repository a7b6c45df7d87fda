using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>Downloads a filing's evidence, after the workspace has checked the person may read the incident.</summary>
public sealed class EvidenceModel(IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    // Types a browser shows without running anything; everything else downloads as bytes, so an uploaded
    // HTML or SVG file can never run as a page of this site.
    private static readonly HashSet<string> InertTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain", "text/csv", "message/rfc822",
    };

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid EvidenceId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        var file = await workspace.EvidenceAsync(actor, EvidenceId, HttpContext.RequestAborted);
        if (!file.IsOk) return Refusal(file.Status);
        var duties = await workspace.ObligationsAsync(actor, Id, withHistory: true, HttpContext.RequestAborted);
        if (!duties.IsOk || duties.Value!.All(o => o.Id != file.Value!.ObligationId)) return NotFound();

        var evidence = file.Value!;
        var type = InertTypes.Contains(evidence.ContentType) ? evidence.ContentType : "application/octet-stream";
        return File(evidence.Content, type, evidence.FileName);
    }
}
