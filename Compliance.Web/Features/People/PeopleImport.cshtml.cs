using Compliance.Domain.Incidents;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.People;

/// <summary>
/// Importing a list of affected people: upload the CSV, say which column holds what, see every bad row with its
/// line, and import only a clean file. Nothing is stored until the import is confirmed.
/// </summary>
[RequestSizeLimit(PeopleUploads.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PeopleUploads.MaxBytes + 1024 * 1024)]
public sealed class PeopleImportModel(ImportPeople import, PeopleUploads uploads, IncidentAccess workspace, WorkspaceContext context)
    : WorkspacePage(context)
{
    public static IReadOnlyList<(string Field, string Label, bool Required)> Fields => UploadedPeopleFile.Fields;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Upload { get; set; }
    [BindProperty] public Dictionary<string, string> Map { get; set; } = [];
    [BindProperty] public IFormFile? Csv { get; set; }
    /// <summary>Other columns kept with each person (for example a member number the notice quotes).</summary>
    [BindProperty] public List<string> Extra { get; set; } = [];

    public IReadOnlyList<string> Headers { get; private set; } = [];
    /// <summary>The first rows of the file as uploaded, so the person can see the columns line up before checking.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Preview { get; private set; } = [];
    public const int PreviewRows = UploadedPeopleFile.PreviewRows;
    public ImportReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (Upload is { } id && await uploads.ReadAsync(Actor, Id, id, HttpContext.RequestAborted) is { } bytes && Inspect(bytes) is { } file) Map = file.GuessColumns();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (Csv is not { Length: > 0 } file) { Error = "Choose a CSV file."; return Page(); }
        if (file.Length > PeopleUploads.MaxBytes) { Error = "The file is larger than 200 MB; import it with the command line."; return Page(); }
        await using var stream = file.OpenReadStream();
        var id = await uploads.SaveAsync(Actor, Id, stream, HttpContext.RequestAborted);
        return Redirect($"/Incidents/{Id}/People/Import?upload={id}");
    }

    public async Task<IActionResult> OnPostCheckAsync() => await RunAsync(confirm: false);

    public async Task<IActionResult> OnPostImportAsync() => await RunAsync(confirm: true);

    private async Task<IActionResult> RunAsync(bool confirm)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (Upload is not { } id || await uploads.ReadAsync(Actor, Id, id, HttpContext.RequestAborted) is not { } bytes)
        {
            Error = "The upload is gone; upload the file again.";
            return Page();
        }
        if (Inspect(bytes) is not { } file) return Page();
        if (file.MapOf(Map, Extra) is not { } map)
        {
            Error = "Say which columns hold the name and the jurisdiction.";
            return Page();
        }
        var result = confirm
            ? await import.HandleAsync(Actor, new ImportPeople.Request(Id, () => new MemoryStream(bytes), map), HttpContext.RequestAborted)
            : await import.CheckAsync(Actor, new ImportPeople.Request(Id, () => new MemoryStream(bytes), map), HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        if (!confirm || !result.IsOk)
        {
            Report = result.Value;
            return Page();
        }
        await uploads.DeleteAsync(Actor, id, HttpContext.RequestAborted);
        return Redirect($"/Incidents/{Id}/People");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        if (!Allows(Operation.AccessPeople, Id)) return Forbid();
        return null;
    }

    /// <summary>Reads the header and the first rows for the form; null (with the page's error) when the file cannot be read.</summary>
    private UploadedPeopleFile? Inspect(byte[] bytes)
    {
        var file = UploadedPeopleFile.Inspect(bytes);
        (Headers, Preview, Error) = (file.Headers, file.Preview, file.Error ?? Error);
        return file.IsReadable ? file : null;
    }
}
