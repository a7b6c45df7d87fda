using Compliance.Domain.Obligations;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Obligations;

/// <summary>Downloads a filing's evidence, once it is checked that the person may read the incident.</summary>
public sealed class EvidenceModel(DutyEvidence evidenceFiles, IncidentDuties duties, WorkspaceContext context) : WorkspacePage(context)
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
        var file = await evidenceFiles.ReadAsync(actor, EvidenceId, HttpContext.RequestAborted);
        if (!file.IsOk) return Refusal(file.Status);
        var all = await duties.ReadAsync(actor, Id, withHistory: true, HttpContext.RequestAborted);
        if (!all.IsOk || all.Value!.All(o => o.Id != file.Value!.ObligationId)) return NotFound();

        var evidence = file.Value!;
        var type = InertTypes.Contains(evidence.ContentType) ? evidence.ContentType : "application/octet-stream";
        return File(evidence.Content, type, evidence.FileName);
    }
}
