using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Compliance.Web.Features.Organisations;

public sealed class OrganisationModel(CurrentActor current, OrganisationSettings settings, ComplianceDbContext db) : PageModel
{
    public sealed record MemberRow(string Email, Role Role, string? IncidentReference, string? Until, bool TwoFactor, int Keys);

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
    public List<MemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        var org = (await settings.GetAsync(actor)).Value!;
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
        var result = await settings.UpdateAsync(actor, new OrganisationSettings.Changes(Name, TimeZone.Trim(), establishments, Attributes, RequireTwoFactor, ReminderPolicy, RequirePhishingResistant));
        Saved = result.IsOk;
        Errors = result.Errors;
        await LoadAsync(actor);
        return Page();
    }

    private async Task LoadAsync(Actor actor)
    {
        Slug = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Slug).SingleAsync();
        var rows = await (from m in db.Members
                          join u in db.Users on m.UserId equals u.Id
                          where m.OrganisationId == actor.OrganisationId
                          select new { u.Email, m.Role, m.IncidentId, m.ExpiresAt, u.TwoFactorEnabled, Keys = db.SecurityKeys.Count(k => k.UserId == u.Id) }).ToListAsync();
        var references = await db.Incidents.Where(i => rows.Select(r => r.IncidentId).Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference);
        Members = rows.OrderBy(r => r.Role).ThenBy(r => r.Email)
            .Select(r => new MemberRow(r.Email, r.Role, r.IncidentId is { } id ? references.GetValueOrDefault(id) : null,
                r.ExpiresAt is { } e ? InstantPattern.General.Format(e) : null, r.TwoFactorEnabled || r.Keys > 0, r.Keys)).ToList();
    }
}
