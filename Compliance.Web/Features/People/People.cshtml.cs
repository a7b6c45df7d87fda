using Compliance.Domain.Incidents;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.People;

/// <summary>
/// The affected people of an incident, for security leads and legal staff: the list a page at a time, searched by
/// name, exact email or jurisdiction (every page shown is audited), safety flags per person, the manual-contact
/// worklist, and the incident's counts taken from the list.
/// </summary>
public sealed class PeopleModel(PeopleRegister register, SetPersonFlags setFlags, UpdateCountsFromList updateCounts, IncidentAccess workspace,
    WorkspaceContext context)
    : WorkspacePage(context)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "in")] public string? Jurisdiction { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public bool NamesSearchedInPart { get; private set; }
    public IReadOnlyList<(string Jurisdiction, int People)> Jurisdictions { get; private set; } = [];
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>This page's address with one query value changed (search, jurisdiction and page travel together).</summary>
    public string Link(int page)
    {
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
        if (Search is { Length: > 0 }) query.Add("q", Search);
        if (Jurisdiction is { Length: > 0 }) query.Add("in", Jurisdiction);
        if (page > 1) query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"/Incidents/{Id}/People{query}";
    }
    public IReadOnlyList<PeopleRegister.Person> People { get; private set; } = [];
    public IReadOnlyList<PeopleRegister.ManualContact> Worklist { get; private set; } = [];
    public string? Message { get; private set; }
    public bool CanUpdateCounts { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostFlagsAsync(Guid personId, bool doNotEmail, string? delegateTo, string? redactions)
    {
        await LoadActorAsync();
        var result = await setFlags.HandleAsync(Actor, new SetPersonFlags.Request(Id, personId, doNotEmail, delegateTo, redactions), HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        Message = result.IsOk ? "Saved. People with a flag never receive an email notice." : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostCountsAsync()
    {
        await LoadActorAsync();
        var result = await updateCounts.HandleAsync(Actor, Id, HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        Message = result.IsOk ? "The incident's counts now follow the list; its duties were recomputed." : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        var read = await register.PeoplePageAsync(actor, Id, Search, Jurisdiction, PageNumber, PageSize, HttpContext.RequestAborted);
        if (!read.IsOk) return Refusal(read.Status);
        (Worklist, Jurisdictions, Jurisdiction) = (read.Value!.Worklist, read.Value.Jurisdictions, read.Value.Jurisdiction);
        (People, Total, NamesSearchedInPart) = (read.Value.Page.People, read.Value.Page.Total, read.Value.Page.NamesSearchedInPart);
        PageNumber = Math.Max(PageNumber, 1);
        CanUpdateCounts = Allows(Operation.EditIncident, Id);
        return null;
    }
}
