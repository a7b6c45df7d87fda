using System.Text.Json;
using Compliance.Domain.Incidents;
using Compliance.Domain.Json;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Web.Features.Obligations;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>
/// The regulator filing for one jurisdiction, as on the filing page: what is still missing, compose a stored PDF version,
/// download it, and mark a version filed (which fulfils the regulator duty with the PDF as evidence).
/// </summary>
public static class FilingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var filings = api.MapGroup("/incidents/{id:guid}/filings/{jurisdiction}").WithTags("Filings");

        filings.MapGet("/", GetAsync)
            .WithName("GetFiling")
            .WithSummary("The filing for this jurisdiction's authority: the draft (the latest version's texts), whether it is complete, " +
                         "which fields are still missing, and the versions saved so far, newest first.")
            .Produces<FilingResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        filings.MapPost("/", ComposeAsync)
            .WithName("ComposeFiling")
            .WithRequestExample("""{ "stage": "initial", "organisationName": "Amnesty International Hong Kong", "narrative": { "description": "Intruders copied supporters' names, HKID numbers and contact details.", "measures": "Access closed, passwords changed, supporters told.", "contact": "privacy@example.org" } }""")
            .WithSummary("Save the next PDF version of the filing from the form's fields: stage (initial, follow-up, final), organisationName, " +
                         "and narrative texts by field id (description, contact, consequences, measures, ...). Its hashes are audited.")
            .Accepts<FilingDraftBody>("application/json")
            .Produces<FilingVersionResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey();

        filings.MapGet("/versions/{filingId:guid}.pdf", PdfAsync)
            .WithName("DownloadFiling")
            .WithSummary("The PDF of one saved version, as it was generated.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        filings.MapPost("/versions/{filingId:guid}/filed", MarkFiledAsync)
            .WithName("MarkFilingFiled")
            .WithRequestExample("""{ "filedAt": "2019-03-16T16:00:00+08:00", "reference": "PCPD-2019-0316" }""")
            .WithSummary("Record that this version was sent to the authority: filedAt (ISO with offset) and the authority's reference. " +
                         "A version that lacks fields needs fileIncomplete: true. Fulfils the regulator duty with the PDF as evidence.")
            .Accepts<MarkFiledBody>("application/json")
            .Produces<ObligationResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey();
    }

    public static string UrlOf(Guid incidentId, string jurisdiction) => $"{IncidentEndpoints.UrlOf(incidentId)}/filings/{jurisdiction}";

    public static string PdfUrlOf(Guid incidentId, string jurisdiction, Guid filingId) => $"{UrlOf(incidentId, jurisdiction)}/versions/{filingId}.pdf";

    private static async Task<IResult> GetAsync(Guid id, string jurisdiction, HttpContext http, IncidentAccess access, FilingVersions versions,
        FilingPreview preview, CancellationToken ct)
    {
        var actor = http.Actor();
        var incident = await access.GetAsync(actor, id, ct);
        if (!incident.IsOk) return ApiResults.From(incident, _ => Results.Empty);
        if (!JurisdictionCode.TryParse(jurisdiction, out var code)) return BadJurisdiction(jurisdiction);
        var saved = (await versions.ListAsync(actor, id, code.Value.Value, ct)).Value!;
        var draft = SavedNarrative.Of(saved.FirstOrDefault());
        var stage = KebabCase<Jobs.Filings.FilingStage>.TryParse(draft.Stage, out var s) ? s : Jobs.Filings.FilingStage.Initial;
        var composed = await preview.GetAsync(actor, new FilingPreview.Draft(id, code.Value.Value, stage, "en", draft.OrganisationName, draft.Narrative!), ct);
        var zone = incident.Value!.ClockZone;
        return ApiResults.From(composed, document => Results.Ok(new FilingResource(code.Value.Value, draft, document.IsComplete,
            document.Missing.Select(MissingFieldResource.From).ToList(), saved.Select(v => FilingVersionResource.From(v, zone)).ToList())));
    }

    // Who may not compose is told so before the body is read, as for every command.
    private static async Task<IResult> ComposeAsync(Guid id, string jurisdiction, HttpContext http, IncidentAccess access, GenerateFiling generate,
        IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        var incident = await access.GetAsync(actor, id, ct);
        if (!incident.IsOk) return ApiResults.From(incident, _ => Results.Empty);
        if (!Permissions.Allows(actor, Operation.FulfilObligation, id, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        if (!JurisdictionCode.TryParse(jurisdiction, out var code)) return BadJurisdiction(jurisdiction);
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var draft = FilingDraftReader.Read(reader, body.Root, id, code.Value.Value);
        if (draft is null) return ApiResults.Invalid(reader.Errors);
        var zone = incident.Value!.ClockZone;
        return ApiResults.From(await generate.HandleAsync(actor, draft, ct),
            v => Results.Created(PdfUrlOf(id, v.Jurisdiction, v.Id), FilingVersionResource.From(v, zone)));
    }

    private static async Task<IResult> PdfAsync(Guid id, string jurisdiction, Guid filingId, HttpContext http, FilingVersions versions, CancellationToken ct)
    {
        var version = await versions.GetAsync(http.Actor(), id, filingId, ct);
        if (version.IsOk && !string.Equals(version.Value!.Jurisdiction, jurisdiction, StringComparison.OrdinalIgnoreCase)) return ApiResults.NotFound();
        return ApiResults.From(version, v => Results.File(v.Pdf, "application/pdf", $"filing-{v.Jurisdiction}-{v.Stage}-v{v.Version}.pdf"));
    }

    private static async Task<IResult> MarkFiledAsync(Guid id, string jurisdiction, Guid filingId, HttpContext http, FilingVersions versions,
        MarkFilingFiled markFiled, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        var version = await versions.GetAsync(actor, id, filingId, ct);
        if (version.IsOk && !string.Equals(version.Value!.Jurisdiction, jurisdiction, StringComparison.OrdinalIgnoreCase)) return ApiResults.NotFound();
        if (!version.IsOk) return ApiResults.From(version, _ => Results.Empty);
        if (!Permissions.Allows(actor, Operation.FulfilObligation, id, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        reader.Unknown(body.Root, ["filedAt", "reference", MarkFilingFiled.IncompleteField], "is not a field here; use filedAt, reference and fileIncomplete.");
        var filedAt = reader.Instant(body.Root, "filedAt", "filedAt", required: true);
        var reference = reader.String(body.Root, "reference", "reference", required: true, maxLength: 256);
        var present = FieldReader.Present(body.Root, MarkFilingFiled.IncompleteField, out var flag);
        if (present && flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) reader.Error(MarkFilingFiled.IncompleteField, "must be true or false.");
        var incomplete = present && flag.ValueKind == JsonValueKind.True;
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        return ApiResults.From(await markFiled.HandleAsync(actor, new MarkFilingFiled.Request(id, filingId, filedAt!.Value, reference!, incomplete), ct),
            o => Results.Ok(ObligationResource.From(o, clock.GetCurrentInstant())));
    }

    private static IResult BadJurisdiction(string jurisdiction) =>
        ApiResults.Invalid("jurisdiction", $"'{jurisdiction}' is not an ISO 3166 code such as 'HK', 'IE' or 'US-TX'.");
}
