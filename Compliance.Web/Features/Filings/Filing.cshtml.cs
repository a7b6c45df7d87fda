using Compliance.Domain.Incidents;
using Compliance.Domain.Filings;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Filings;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>
/// The regulator filing for one jurisdiction: write the narrative, see what is still missing, generate a stored PDF
/// version, download it, and mark a version as filed with the authority's reference.
/// </summary>
public sealed class FilingModel(FilingPreview preview, FilingVersions versions, GenerateFiling generate, MarkFilingFiled markFiled, IncidentAccess workspace,
    WorkspaceContext context)
    : WorkspacePage(context)
{
    public static readonly IReadOnlyList<(string Id, string Label, string Help)> NarrativeFields =
    [
        ("description", "What happened", "The nature of the breach, in plain words."),
        ("contact", "Contact point", "Name, role, email and phone of the person the authority can ask (the DPO where there is one)."),
        ("consequences", "Likely consequences", "What could happen to the people affected."),
        ("measures", "Measures taken", "Containment and mitigation so far."),
        ("measuresPlanned", "Measures planned", "What will follow."),
        ("occurred", "When and where it occurred", "Date or period, systems and places."),
        ("discovery", "How it was discovered", ""),
        ("chronology", "Chronology", "Steps taken since awareness, including the assessment."),
        ("individualsNotice", "Telling the people affected", "Whether, how and when they are told, or why not."),
        ("noticesSent", "Notices sent", "How many people were sent notice by mail or another direct method."),
        ("lawEnforcement", "Law enforcement", "Whether police are investigating or were told."),
        ("otherRegulators", "Other authorities told", ""),
        ("adviceToIndividuals", "Advice to the people affected", "What they can do to protect themselves."),
        ("delayReasons", "Reasons for any delay", "Required when the filing is made after the deadline."),
        ("records", "Records affected", "Approximate number of records."),
    ];

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Jurisdiction { get; set; } = "";
    [BindProperty] public string Stage { get; set; } = "initial";
    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public Dictionary<string, string> Narrative { get; set; } = [];
    [BindProperty] public string? FiledAtLocal { get; set; }
    [BindProperty] public string? FiledZone { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public bool FileIncomplete { get; set; }

    /// <summary>The zones offered for "sent at": the authority's first (its default), then the reader's and the organisation's.</summary>
    public IReadOnlyList<string> UsualZones { get; private set; } = [];

    public FilingDocument? Preview { get; private set; }
    public IReadOnlyList<FilingVersion> Versions { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }

    /// <summary>Each problem in the words of the form: a field's label, never its id.</summary>
    public IEnumerable<string> ErrorLines => Errors.SelectMany(e => e.Value.Select(message => LabelOf(e.Key) is { Length: > 0 } label ? FieldMessages.ForPerson(label, message) : message));

    private static string LabelOf(string key) => key switch
    {
        "organisationName" => "Organisation name",
        "filedAt" => "Sent at",
        "reference" => "Authority's reference",
        _ when key.StartsWith("narrative.", StringComparison.Ordinal) => NarrativeFields.FirstOrDefault(f => f.Id == key["narrative.".Length..]).Label ?? "This field",
        _ => "",
    };
    public bool CanGenerate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (Versions.FirstOrDefault() is { } latest) Restore(latest);
        return await PreviewAsync();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        return await PreviewAsync();
    }

    public async Task<IActionResult> OnPostGenerateAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var result = await generate.HandleAsync(Actor, Draft(), HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        if (!result.IsOk) Errors = result.Errors;
        else Message = $"Version {result.Value!.Version} saved ({result.Value.Pages} pages, SHA-256 {result.Value.PdfSha256[..16]}…).";
        await LoadAsync();
        return await PreviewAsync();
    }

    public async Task<IActionResult> OnPostMarkFiledAsync(Guid filingId)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var zone = FiledZone is { Length: > 0 } z ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(z) : null;
        var resolved = zone is null ? null : LocalClock.Resolve(new LocalTimeInput { Local = FiledAtLocal }, zone);
        if (resolved?.Instant is not { } filedAt)
        {
            Errors = new Dictionary<string, string[]> { ["filedAt"] = [resolved?.Problem ?? "Enter when the filing was sent, and its time zone."] };
            return await PreviewAsync();
        }
        var result = await markFiled.HandleAsync(Actor, new MarkFilingFiled.Request(Id, filingId, filedAt, Reference ?? "", FileIncomplete), HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        if (!result.IsOk) Errors = InTheFormsWords(result.Errors);
        else return Redirect($"/Incidents/{Id}#duty-{result.Value!.Id}");
        return await PreviewAsync();
    }

    // The handler asks for a confirmation; on this page that is the tick box.
    private static IReadOnlyDictionary<string, string[]> InTheFormsWords(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key == MarkFilingFiled.IncompleteField ? "incomplete" : e.Key,
            e => e.Key == MarkFilingFiled.IncompleteField
                ? e.Value.Select(m => m.Replace("Confirm that it was filed like this", "Tick \"It was filed like this\" if that is what you sent", StringComparison.Ordinal)).ToArray()
                : e.Value);

    public async Task<IActionResult> OnGetDownloadAsync(Guid filingId)
    {
        await LoadActorAsync();
        var version = await versions.GetAsync(Actor, Id, filingId, HttpContext.RequestAborted);
        if (!version.IsOk) return Refusal(version.Status);
        var v = version.Value!;
        return File(v.Pdf, "application/pdf", $"filing-{v.Jurisdiction}-{v.Stage}-v{v.Version}.pdf");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        Versions = (await versions.ListAsync(actor, Id, Jurisdiction, HttpContext.RequestAborted)).Value!;
        CanGenerate = Allows(Operation.FulfilObligation, Id);
        var authorityZone = await versions.AuthorityZoneAsync(Id, Jurisdiction, HttpContext.RequestAborted);
        FiledZone ??= authorityZone ?? Zones.Reader.Id;
        UsualZones = ZoneChoices.Few(authorityZone, Zones.Reader.Id, Zones.Organisation.Id);
        return null;
    }

    private async Task<IActionResult> PreviewAsync()
    {
        var composed = await preview.GetAsync(Actor, Draft(), HttpContext.RequestAborted);
        if (composed.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(composed.Status);
        if (composed.IsOk) Preview = composed.Value;
        else Errors = composed.Errors;
        return Page();
    }

    private FilingPreview.Draft Draft() =>
        new(Id, Jurisdiction, KebabCase<FilingStage>.TryParse(Stage, out var s) ? s : FilingStage.Initial, "en",
            string.IsNullOrWhiteSpace(OrganisationName) ? null : OrganisationName.Trim(),
            Narrative.Where(n => NarrativeFields.Any(f => f.Id == n.Key)).ToDictionary(n => n.Key, n => n.Value ?? ""));

    private void Restore(FilingVersion latest)
    {
        var saved = SavedNarrative.Of(latest);
        OrganisationName = saved.OrganisationName;
        foreach (var (field, text) in saved.Narrative!) Narrative[field] = text;
        Stage = latest.Stage;
    }
}
