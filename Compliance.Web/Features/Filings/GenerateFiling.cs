using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Filings;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>Generates the next stored PDF version of a regulator filing, its content and PDF hashes audited.</summary>
public sealed class GenerateFiling(ComplianceDbContext db, FilingPreview preview, IClock clock)
{
    public async Task<Outcome<FilingVersion>> HandleAsync(Actor actor, FilingPreview.Draft draft, CancellationToken ct = default)
    {
        var incidentId = draft.IncidentId;
        if (!Permissions.Allows(actor, Operation.FulfilObligation, incidentId, clock.GetCurrentInstant())) return Outcome<FilingVersion>.Forbidden();
        var composed = await preview.GetAsync(actor, draft, ct);
        if (!composed.IsOk) return composed.Refusal<FilingVersion>();
        var document = composed.Value!;
        var rendered = FilingPdfRenderer.Render(document);

        var stage = KebabCase<FilingStage>.ToId(draft.Stage);
        var previous = await db.Filings.Where(f => f.IncidentId == incidentId && f.Jurisdiction == draft.Jurisdiction && f.Stage == stage)
            .MaxAsync(f => (int?)f.Version, ct) ?? 0;
        var duty = await RegulatorDuty.OfAsync(db, incidentId, draft.Jurisdiction, ct);
        var narrative = JsonSerializer.Serialize(new { organisationName = draft.OrganisationName, language = draft.Language, fields = draft.Narrative });
        var version = new FilingVersion(actor.OrganisationId, incidentId, duty?.Id, draft.Jurisdiction, stage, previous + 1, document.Layout, draft.Language,
            document.ContentHash, rendered.Pdf, rendered.PageCount, document.Missing.Count, narrative, actor.Email, clock.GetCurrentInstant());
        db.Filings.Add(version);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "filing.generated",
            new { version.Id, version.Jurisdiction, version.Stage, version.Version, version.ContentHash, version.PdfSha256, version.Pages, missing = version.MissingFields }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<FilingVersion>.Ok(version);
    }
}
