using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// An incident's notice campaigns, for security leads and legal staff: what each has sent so far, and the form that
/// prepares a new one for chosen jurisdictions and languages (it then waits for a second person's approval).
/// </summary>
public sealed class CampaignsModel(CampaignProgress progress, CampaignAudienceGroups audienceGroups, PrepareCampaign prepare, NoticeDrafts notices,
    NoticeTemplates templates, IncidentAccess workspace, WorkspaceContext context)
    : WorkspacePage(context)
{
    /// <summary>The form's fields, in the order the error summary lists them, with the labels it uses.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Fields =
        [("name", "Name"), ("jurisdictions", "Jurisdictions"), ("languages", "Languages"), ("people", "People"), ("notice", "Notice")];

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Jurisdictions { get; set; } = [];
    [BindProperty] public List<string> Languages { get; set; } = [];

    public IReadOnlyList<CampaignSummary> List { get; private set; } = [];
    public IReadOnlyList<(string Code, int People)> JurisdictionChoices { get; private set; } = [];
    public IReadOnlyList<(string Tag, int People)> LanguageChoices { get; private set; } = [];
    /// <summary>The languages the people who can be emailed need, written or not, and who falls back to another language.</summary>
    public (IReadOnlyList<NoticeLanguageNeeds.Need> Needs, IReadOnlyList<NoticeLanguageNeeds.Fallback> Fallbacks) NoticeLanguages { get; private set; } = ([], []);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostPrepareAsync()
    {
        // The service checks access; the page is loaded only to show its errors.
        var prepared = await prepare.HandleAsync(await LoadActorAsync(), new PrepareCampaign.Request(Id, Name, Jurisdictions, Languages), HttpContext.RequestAborted);
        if (prepared.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(prepared.Status);
        if (prepared.IsOk) return Redirect($"/Incidents/{Id}/Campaigns/{prepared.Value!.Id}");
        Errors = prepared.Errors;
        return await LoadAsync() ?? Page();
    }

    public FieldErrors ErrorsFor(string key) => new($"campaign-{key}", Errors.GetValueOrDefault(key) ?? []);

    public IEnumerable<(string Id, string Message)> Summary =>
        Fields.SelectMany(f => (Errors.GetValueOrDefault(f.Key) ?? []).Select(m => ($"campaign-{f.Key}", FieldMessages.ForPerson(f.Label, m))))
            .Concat(Errors.Where(e => Fields.All(f => f.Key != e.Key)).SelectMany(e => e.Value.Select(m => ("prepare-form", m))));

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        var list = await progress.ListAsync(actor, Id, HttpContext.RequestAborted);
        if (!list.IsOk) return Refusal(list.Status);
        List = list.Value!;
        var audience = (await audienceGroups.GetAsync(actor, Id, HttpContext.RequestAborted)).Value!;
        JurisdictionChoices = audience.GroupBy(g => g.Jurisdiction).Select(g => (g.Key, g.Sum(x => x.People))).ToList();
        var texts = (await notices.TextsAsync(actor, Id, HttpContext.RequestAborted)).Value!;
        var groups = audience.Select(g => new NoticeLanguageNeeds.Group(g.Jurisdiction, g.Language, g.People)).ToList();
        NoticeLanguages = (NoticeLanguageNeeds.Needs(groups, templates, l => Domain.People.NoticeTexts.HasText(texts, l)), NoticeLanguageNeeds.Fallbacks(groups, templates));
        LanguageChoices = audience.GroupBy(g => g.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(x => x.People))).ToList();
        return null;
    }
}
