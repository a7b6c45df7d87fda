using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>Recording that a duty was fulfilled: when, the reference, and the evidence. Lateness is frozen here.</summary>
// The limit leaves room for the multipart envelope around a 10 MiB file, so a file just over 10 MiB gets a
// message on the form; a much larger request is cut off by the server.
[RequestSizeLimit(EvidenceFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceFile.MaxBytes + 1024 * 1024)]
public sealed class FulfilmentModel(FulfilDuty fulfil, IncidentAccess access, IncidentDuties duties, WorkspaceContext context)
    : DutyPage(access, duties, context)
{
    [BindProperty] public FulfilmentForm Form { get; set; } = new();
    [BindProperty] public IFormFile? Evidence { get; set; }
    public string? Conflict { get; private set; }
    public FulfilmentFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDutyAsync() is { } refusal) return refusal;
        if (!Allows(Operation.FulfilObligation, IncidentId)) return Forbid();
        Form = new FulfilmentForm { Zone = FulfilmentFormView.DefaultZone(Duty, Zones.Reader.Id) };
        View = new FulfilmentFormView(IncidentId, Duty, Form, ZoneChoices.Including(Form.Zone), new Dictionary<string, string[]>(), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadDutyAsync() is { } refusal) return refusal;
        if (!Allows(Operation.FulfilObligation, IncidentId)) return Forbid();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Ambiguity? ambiguity = null;
        Instant? filedAt = null;
        var zone = Form.Zone is { Length: > 0 } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : null;
        if (zone is null) errors["filedAt"] = ["Choose the time zone of the filing time."];
        else if (Form.FiledAt.IsBlank) errors["filedAt"] = ["Enter when it was filed or sent."];
        else
        {
            var resolved = LocalClock.Resolve(Form.FiledAt, zone);
            ambiguity = resolved.Ambiguity;
            if (resolved.Instant is { } at) filedAt = at;
            else errors["filedAt"] = [resolved.Problem!];
        }
        if (Evidence is { Length: > EvidenceFile.MaxBytes }) errors["evidence"] = ["is larger than 10 MiB; keep a smaller copy here and the original elsewhere."];

        if (errors.Count == 0)
        {
            var fulfilled = await fulfil.HandleAsync(Actor, new FulfilDutyRequest(Id, filedAt!.Value, Form.Reference ?? "", await ReadEvidenceAsync()), HttpContext.RequestAborted);
            switch (fulfilled.Status)
            {
                case OutcomeStatus.Ok: return BackToIncident();
                case OutcomeStatus.NotFound or OutcomeStatus.Forbidden: return Refusal(fulfilled.Status);
                case OutcomeStatus.Conflict: Conflict = fulfilled.Errors["$"][0]; break;
                default: errors = new Dictionary<string, string[]>(fulfilled.Errors); break;
            }
        }
        View = new FulfilmentFormView(IncidentId, Duty, Form, ZoneChoices.Including(Form.Zone), errors, ambiguity);
        return Page();
    }

    private async Task<EvidenceUpload?> ReadEvidenceAsync()
    {
        if (Evidence is not { Length: > 0 } file) return null;
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        return new EvidenceUpload(file.FileName, file.ContentType, buffer.ToArray());
    }
}
