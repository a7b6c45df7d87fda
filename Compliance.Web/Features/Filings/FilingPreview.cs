using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Filings;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>What a regulator filing would contain now, from the incident and the narrative written: with what is still missing.</summary>
public sealed class FilingPreview(ComplianceDbContext db, IncidentAccess workspace, IClock clock)
{
    /// <summary>A filing's narrative is a few paragraphs per field; a limit keeps a paste of a whole document out of the PDF.</summary>
    public const int NarrativeFieldLength = 8000;

    public sealed record Draft(Guid IncidentId, string Jurisdiction, FilingStage Stage, string Language, string? OrganisationName,
        IReadOnlyDictionary<string, string> Narrative);

    public async Task<Outcome<FilingDocument>> GetAsync(Actor actor, Draft draft, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, draft.IncidentId, ct);
        if (!incident.IsOk) return incident.Refusal<FilingDocument>();
        if (Problems(draft) is { Count: > 0 } problems) return Outcome<FilingDocument>.Invalid(problems);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var request = new FilingRequest(IncidentFactsFactory.From(incident.Value!, organisation), draft.OrganisationName ?? organisation.Name,
            incident.Value!.Title, draft.Stage, null, draft.Language, draft.Narrative.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary())
        {
            RiskRationale = incident.Value!.RiskRationale,
            RiskAssessment = await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == draft.IncidentId, ct),
        };
        try
        {
            // The incident's own regulator duty, when it has one, with the terms it was computed from; else the catalogue (a voluntary filing).
            var stored = await RegulatorDuty.OfAsync(db, draft.IncidentId, draft.Jurisdiction, ct);
            return Outcome<FilingDocument>.Ok(stored is null
                ? FilingComposer.Default.Compose(request, draft.Jurisdiction, clock.GetCurrentInstant())
                : FilingComposer.Default.Compose(request, stored, clock.GetCurrentInstant()));
        }
        catch (FilingInputException e)
        {
            return Outcome<FilingDocument>.Invalid(e.Field, e.Problem);
        }
    }

    private static Dictionary<string, string[]> Problems(Draft draft)
    {
        var problems = new Dictionary<string, string[]>();
        if (draft.OrganisationName is { } name && PlainText.Problem(name.Trim(), PlainText.Line) is { } badName) problems["organisationName"] = [badName];
        foreach (var (field, text) in draft.Narrative)
            if (PlainText.Problem(text.Trim(), NarrativeFieldLength, multiline: true) is { } problem) problems[$"narrative.{field}"] = [problem];
        return problems;
    }
}
