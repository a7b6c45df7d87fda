using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Features.Organisations;

/// <summary>An admin's settings of the organisation: name, zone, establishments and attributes, sign-in rules, reminder policy.</summary>
public sealed class OrganisationModel(CurrentActor current, OrganisationQuery organisations, UpdateOrganisation update, OrganisationOverview overview) : PageModel
{

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string TimeZone { get; set; } = "";
    [BindProperty] public string Establishments { get; set; } = "";
    [BindProperty] public List<string> Attributes { get; set; } = [];
    [BindProperty] public bool RequireTwoFactor { get; set; }
    [BindProperty] public bool RequirePhishingResistant { get; set; }
    [BindProperty] public string ReminderPolicy { get; set; } = "";
    public string Slug { get; private set; } = "";
    public bool Saved { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<OrganisationOverview.MemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        var org = (await organisations.GetAsync(actor)).Value!;
        Name = org.Name;
        TimeZone = org.TimeZone;
        Establishments = string.Join(", ", org.Establishments);
        Attributes = org.Attributes.ToList();
        RequireTwoFactor = org.RequireTwoFactor;
        RequirePhishingResistant = org.RequirePhishingResistant;
        ReminderPolicy = org.ReminderPolicy;
        await LoadAsync(actor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        var establishments = Establishments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.ToUpperInvariant()).ToList();
        var result = await update.HandleAsync(actor, new UpdateOrganisation.Request(Name, TimeZone.Trim(), establishments, Attributes, RequireTwoFactor, ReminderPolicy, RequirePhishingResistant));
        Saved = result.IsOk;
        Errors = result.Errors;
        await LoadAsync(actor);
        return Page();
    }

    private async Task LoadAsync(Actor actor)
    {
        var view = await overview.ReadAsync(actor.OrganisationId, HttpContext.RequestAborted);
        (Slug, Members) = (view.Slug, view.Members);
    }
}
