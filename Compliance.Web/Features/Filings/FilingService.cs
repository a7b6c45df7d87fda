using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Filings;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>
/// Regulator filings for an incident: check what is missing, generate a stored PDF version (its SHA-256 audited),
/// and mark a version as filed, which fulfils the regulator duty with the PDF as evidence.
/// </summary>
public sealed class FilingService(ComplianceDbContext db, IncidentWorkspace workspace, IClock clock)
{
    public sealed record Draft(string Jurisdiction, FilingStage Stage, string Language, string? OrganisationName, IReadOnlyDictionary<string, string> Narrative);

    public async Task<Outcome<FilingDocument>> PreviewAsync(Actor actor, Guid incidentId, Draft draft, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<FilingDocument>();
        if (Problems(draft) is { Count: > 0 } problems) return Outcome<FilingDocument>.Invalid(problems);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var request = new FilingRequest(IncidentFactsFactory.From(incident.Value!, organisation), draft.OrganisationName ?? organisation.Name,
            incident.Value!.Title, draft.Stage, null, draft.Language, draft.Narrative.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary())
        {
            RiskRationale = incident.Value!.RiskRationale,
            RiskAssessment = await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == incidentId, ct),
        };
        try
        {
            // The incident's own regulator duty, when it has one, with the terms it was computed from; else the catalogue (a voluntary filing).
            var stored = await RegulatorDutyAsync(incidentId, draft.Jurisdiction, ct);
            return Outcome<FilingDocument>.Ok(stored is null
                ? FilingComposer.Default.Compose(request, draft.Jurisdiction, clock.GetCurrentInstant())
                : FilingComposer.Default.Compose(request, stored, clock.GetCurrentInstant()));
        }
        catch (FilingInputException e)
        {
            return Outcome<FilingDocument>.Invalid(e.Field, e.Problem);
        }
    }

    /// <summary>A filing's narrative is a few paragraphs per field; a limit keeps a paste of a whole document out of the PDF.</summary>
    public const int NarrativeFieldLength = 8000;

    private static Dictionary<string, string[]> Problems(Draft draft)
    {
        var problems = new Dictionary<string, string[]>();
        if (draft.OrganisationName is { } name && PlainText.Problem(name.Trim(), PlainText.Line) is { } badName) problems["organisationName"] = [badName];
        foreach (var (field, text) in draft.Narrative)
            if (PlainText.Problem(text.Trim(), NarrativeFieldLength, multiline: true) is { } problem) problems[$"narrative.{field}"] = [problem];
        return problems;
    }

    public async Task<Outcome<FilingVersion>> GenerateAsync(Actor actor, Guid incidentId, Draft draft, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.FulfilObligation, incidentId, clock.GetCurrentInstant())) return Outcome<FilingVersion>.Forbidden();
        var preview = await PreviewAsync(actor, incidentId, draft, ct);
        if (!preview.IsOk) return preview.Refusal<FilingVersion>();
        var document = preview.Value!;
        var rendered = FilingPdfRenderer.Render(document);

        var stage = KebabCase<FilingStage>.ToId(draft.Stage);
        var previous = await db.Filings.Where(f => f.IncidentId == incidentId && f.Jurisdiction == draft.Jurisdiction && f.Stage == stage)
            .MaxAsync(f => (int?)f.Version, ct) ?? 0;
        var duty = await RegulatorDutyAsync(incidentId, draft.Jurisdiction, ct);
        var narrative = JsonSerializer.Serialize(new { organisationName = draft.OrganisationName, language = draft.Language, fields = draft.Narrative });
        var version = new FilingVersion(actor.OrganisationId, incidentId, duty?.Id, draft.Jurisdiction, stage, previous + 1, document.Layout, draft.Language,
            document.ContentHash, rendered.Pdf, rendered.PageCount, document.Missing.Count, narrative, actor.Email, clock.GetCurrentInstant());
        db.Filings.Add(version);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "filing.generated",
            new { version.Id, version.Jurisdiction, version.Stage, version.Version, version.ContentHash, version.PdfSha256, version.Pages, missing = version.MissingFields }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<FilingVersion>.Ok(version);
    }

    public async Task<Outcome<IReadOnlyList<FilingVersion>>> VersionsAsync(Actor actor, Guid incidentId, string jurisdiction, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<FilingVersion>>();
        return Outcome<IReadOnlyList<FilingVersion>>.Ok(await db.Filings.Where(f => f.IncidentId == incidentId && f.Jurisdiction == jurisdiction)
            .OrderByDescending(f => f.CreatedAt).ToListAsync(ct));
    }

    public async Task<Outcome<FilingVersion>> VersionAsync(Actor actor, Guid incidentId, Guid filingId, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<FilingVersion>();
        var filing = await db.Filings.SingleOrDefaultAsync(f => f.Id == filingId && f.IncidentId == incidentId, ct);
        return filing is null ? Outcome<FilingVersion>.NotFound() : Outcome<FilingVersion>.Ok(filing);
    }

    /// <summary>The version was sent: fulfil the regulator duty with the authority's reference and the PDF as evidence.</summary>
    public async Task<Outcome<Obligation>> MarkFiledAsync(Actor actor, Guid incidentId, Guid filingId, Instant filedAt, string reference, CancellationToken ct = default)
    {
        var filing = await VersionAsync(actor, incidentId, filingId, ct);
        if (!filing.IsOk) return filing.Refusal<Obligation>();
        var duty = await RegulatorDutyAsync(incidentId, filing.Value!.Jurisdiction, ct);
        if (duty is null) return Outcome<Obligation>.Invalid("filing", $"There is no open regulator duty for {filing.Value.Jurisdiction} on this incident to fulfil.");
        var name = $"filing-{filing.Value.Jurisdiction}-{filing.Value.Stage}-v{filing.Value.Version}.pdf";
        return await workspace.FulfilAsync(actor, duty.Id, filedAt, reference,
            new IncidentWorkspace.EvidenceUpload(name, "application/pdf", filing.Value.Pdf), ct);
    }

    /// <summary>The zone of the authority this filing goes to: the one its deadline is counted in.</summary>
    public async Task<string?> AuthorityZoneAsync(Guid incidentId, string jurisdiction, CancellationToken ct = default) =>
        (await RegulatorDutyAsync(incidentId, jurisdiction, ct))?.TimeZone;

    private async Task<Obligation?> RegulatorDutyAsync(Guid incidentId, string jurisdiction, CancellationToken ct)
    {
        var duties = await db.Obligations.Where(o => o.IncidentId == incidentId && o.Jurisdiction == jurisdiction && o.Recipient == Recipient.Regulator
                                                     && o.Status != ObligationStatus.Superseded).ToListAsync(ct);
        return duties.OrderBy(o => o.Status != ObligationStatus.Open).ThenBy(o => o.Deadline is null).ThenBy(o => o.Deadline).FirstOrDefault();
    }
}
