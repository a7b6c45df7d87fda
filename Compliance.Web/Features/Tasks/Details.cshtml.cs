using Compliance.Domain.Obligations;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Tasks;

/// <summary>One task: what, whose, when due, where it stands; and the forms to start it, complete it (when, notes,
/// evidence) or mark it not needed (why). Everyone who may read the incident sees it; only those who may change tasks act.</summary>
[RequestSizeLimit(EvidenceFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceFile.MaxBytes + 1024 * 1024)]
public sealed class DetailsModel(ChangeTaskState move, TaskPageReads reads, WorkspaceContext context) : TaskPage(reads, context)
{
    // Types a browser shows without running anything; everything else downloads as bytes (as for duties' evidence).
    private static readonly HashSet<string> InertTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain", "text/csv", "message/rfc822",
    };

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public LocalTimeInput DoneAt { get; set; } = new();
    [BindProperty] public string? DoneZone { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? NewState { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public IncidentTask Item { get; private set; } = null!;
    public string? EvidenceName { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public Ambiguity? DoneAmbiguity { get; private set; }

    public LocalTimeField DoneAtField => new(nameof(DoneAt), "done-at", "When was it done", "Leave empty for now.", DoneAt, false,
        ErrorsFor(Errors, "doneAt", "done-at", "When it was done"), DoneAmbiguity);
    public ZoneSelect DoneZoneField => new(nameof(DoneZone), "done-zone", "Time zone of that time",
        ZoneChoices.Few(IncidentZone.Id, Zones.Reader.Id, Zones.Organisation.Id, DoneZone), DoneZone ?? IncidentZone.Id);
    public FieldErrors NotesErrors => ErrorsFor(Errors, "notes", "done-notes", "Notes");
    public FieldErrors EvidenceErrors => ErrorsFor(Errors, "evidence", "done-evidence", "The evidence file");
    public FieldErrors ReasonErrors => ErrorsFor(Errors, "reason", "not-needed-reason", "The reason");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetEvidenceAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var file = await Tasks.EvidenceAsync(Actor, IncidentId, Id, HttpContext.RequestAborted);
        if (!file.IsOk) return Refusal(file.Status);
        var evidence = file.Value!;
        return File(evidence.Content, InertTypes.Contains(evidence.ContentType) ? evidence.ContentType : "application/octet-stream", evidence.FileName);
    }

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanChange) return Forbid();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Instant? at = null;
        if (!DoneAt.IsBlank)
        {
            var zone = DoneZone is { Length: > 0 } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : IncidentZone;
            if (zone is null) errors["doneAt"] = ["Choose the time zone of that time."];
            else
            {
                var resolved = LocalClock.Resolve(DoneAt, zone);
                DoneAmbiguity = resolved.Ambiguity;
                if (resolved.Instant is { } instant) at = instant;
                else errors["doneAt"] = [resolved.Problem!];
            }
        }
        if (Evidence is { Length: > EvidenceFile.MaxBytes }) errors["evidence"] = ["is larger than 10 MiB; keep a smaller copy here and the original elsewhere."];
        if (errors.Count > 0) return Show(errors);
        return await ChangeAsync(new ChangeTaskState.Request(IncidentId, Id, TaskState.Done, at, Notes: Notes, Evidence: await ReadEvidenceAsync()));
    }

    public async Task<IActionResult> OnPostNotNeededAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanChange) return Forbid();
        return await ChangeAsync(new ChangeTaskState.Request(IncidentId, Id, TaskState.NotNeeded, Reason: Reason));
    }

    public async Task<IActionResult> OnPostStateAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanChange) return Forbid();
        if (!KebabCase<TaskState>.TryParse(NewState, out var state) || state is TaskState.Done or TaskState.NotNeeded)
            return Show(new Dictionary<string, string[]> { ["state"] = ["Choose open or in progress."] });
        return await ChangeAsync(new ChangeTaskState.Request(IncidentId, Id, state));
    }

    private async Task<IActionResult> ChangeAsync(ChangeTaskState.Request change)
    {
        var changed = await move.HandleAsync(Actor, change, HttpContext.RequestAborted);
        if (changed.IsOk) return Redirect($"/Incidents/{IncidentId}/Tasks/{Id}");
        if (changed.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(changed.Status);
        return Show(changed.Errors);
    }

    private IActionResult Show(IReadOnlyDictionary<string, string[]> errors)
    {
        Errors = errors;
        return Page();
    }

    private async Task<EvidenceUpload?> ReadEvidenceAsync()
    {
        if (Evidence is not { Length: > 0 } file) return null;
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        return new EvidenceUpload(file.FileName, file.ContentType, buffer.ToArray());
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadIncidentAsync() is { } refusal) return refusal;
        var found = await Tasks.GetAsync(Actor, IncidentId, Id, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        Item = found.Value!;
        EvidenceName = await Tasks.EvidenceNameAsync(Item, HttpContext.RequestAborted);
        return null;
    }
}
