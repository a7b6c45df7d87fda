using Compliance.Domain.Incidents;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.People;

/// <summary>
/// The manual-contact worklist with its record: each person who cannot be emailed, the contacts made with them so far,
/// and a form to record one more (when, in the incident's zone; how; what came of it; notes). Admins, security leads
/// and the incident's responder record; legal staff read.
/// </summary>
public sealed class ContactsModel(ContactWorklist worklist, RecordContact record, IncidentAccess workspace, WorkspaceContext context)
    : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid? PersonId { get; set; }
    [BindProperty] public LocalTimeInput ContactedAt { get; set; } = new();
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public ContactWorklist.Worklist Worklist { get; private set; } = null!;
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }

    public static readonly (string Id, string Words)[] Methods =
        [("phone", "By phone"), ("in-person", "In person"), ("delegate", "Through their trusted person"), ("post", "By post")];

    public static readonly (string Id, string Words)[] Outcomes =
        [("reached", "Reached: they were told"), ("delegate-informed", "Their trusted person was told"), ("not-reached", "Not reached"), ("refused", "Refused to be told")];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Instant? at = null;
        if (ContactedAt.IsBlank) errors["contactedAt"] = ["Enter when the contact was made."];
        else
        {
            var resolved = LocalClock.Resolve(ContactedAt, Zone);
            if (resolved.Instant is { } instant) at = instant;
            else errors["contactedAt"] = [resolved.Problem!];
        }
        if (errors.Count == 0)
        {
            var recorded = await record.HandleAsync(Actor, new RecordContact.Request(Id, PersonId, Method, Outcome, at, Notes), HttpContext.RequestAborted);
            if (recorded.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(recorded.Status);
            if (recorded.IsOk) return Redirect($"/Incidents/{Id}/Contacts?recorded=1#person-{PersonId}");
            errors = new Dictionary<string, string[]>(recorded.Errors);
        }
        Errors = errors;
        return Page();
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        var found = await worklist.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        Worklist = found.Value!;
        Zone = TimeText.Zone(Worklist.Zone, Zones.Organisation);
        if (Request.Query.ContainsKey("recorded")) Message = "Contact recorded. A contact that reached them counts as notified for their jurisdiction's duty.";
        return null;
    }
}
