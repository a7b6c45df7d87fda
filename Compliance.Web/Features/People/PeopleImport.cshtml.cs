using Compliance.Domain.Incidents;
using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using CsvHelper;
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
    public static readonly IReadOnlyList<(string Field, string Label, bool Required)> Fields =
    [
        ("Name", "Name", true), ("Jurisdiction", "Jurisdiction (ISO code, e.g. HK, US-CA)", true), ("Email", "Email", false),
        ("Language", "Language (e.g. en, zh-Hant)", false), ("Phone", "Phone", false), ("Address", "Postal address", false),
    ];

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Upload { get; set; }
    [BindProperty] public Dictionary<string, string> Map { get; set; } = [];
    [BindProperty] public IFormFile? Csv { get; set; }
    /// <summary>Other columns kept with each person (for example a member number the notice quotes).</summary>
    [BindProperty] public List<string> Extra { get; set; } = [];

    public IReadOnlyList<string> Headers { get; private set; } = [];
    /// <summary>The first rows of the file as uploaded, so the person can see the columns line up before checking.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Preview { get; private set; } = [];
    public const int PreviewRows = 5;
    public ImportReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (Upload is { } id && await uploads.ReadAsync(Actor, Id, id, HttpContext.RequestAborted) is { } bytes && Inspect(bytes)) Guess();
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
        if (!Inspect(bytes)) return Page();
        string? Column(string field) => Map.GetValueOrDefault(field) is { Length: > 0 } c ? c : null;
        if (Column("Name") is not { } name || Column("Jurisdiction") is not { } jurisdiction)
        {
            Error = "Say which columns hold the name and the jurisdiction.";
            return Page();
        }
        var mapped = Map.Values.Where(v => v is { Length: > 0 }).ToHashSet();
        var extra = Extra.Where(c => Headers.Contains(c) && !mapped.Contains(c)).Distinct().ToList();
        var map = new ColumnMap(name, jurisdiction, Column("Email"), Column("Language"), Column("Phone"), Column("Address"), extra);
        var result = confirm
            ? await import.HandleAsync(Actor, new ImportPeople.Request(Id, () => new MemoryStream(bytes), map), HttpContext.RequestAborted)
            : await import.CheckAsync(Actor, new ImportPeople.Request(Id, () => new MemoryStream(bytes), map), HttpContext.RequestAborted);
        if (result.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(result.Status);
        if (!confirm || !result.IsOk)
        {
            Report = result.Value;
            return Page();
        }
        uploads.Delete(Actor, id);
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

    private void Guess()
    {
        string? Find(params string[] words) => Headers.FirstOrDefault(h => words.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase)));
        Map["Name"] = Find("name") ?? "";
        Map["Email"] = Find("email", "e-mail", "mail") ?? "";
        Map["Jurisdiction"] = Find("jurisdiction", "country", "region") ?? "";
        Map["Language"] = Find("language", "lang", "locale") ?? "";
        Map["Phone"] = Find("phone", "mobile", "tel") ?? "";
        Map["Address"] = Find("address", "postal") ?? "";
    }

    /// <summary>Reads the header and the first rows; says in plain words why not when the file cannot be read.</summary>
    private bool Inspect(byte[] bytes)
    {
        if (Utf8Text.FirstInvalidLine(new MemoryStream(bytes)) is { } line)
        {
            Error = $"Line {line} of the file is not UTF-8 text, so its columns cannot be read and names in other scripts would be garbled. {Utf8Text.SaveAsUtf8}";
            return false;
        }
        try
        {
            using var reader = ImportPeople.OpenCsv(new MemoryStream(bytes));
            reader.ReadHeader();
            Headers = reader.Headers.ToList();
            var rows = new List<IReadOnlyList<string>>();
            while (rows.Count < PreviewRows && reader.Read())
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList());
            Preview = rows;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            Error = $"The file could not be read as CSV ({e.Message}).";
            return false;
        }
        if (Headers.Count == 0 || Headers.All(string.IsNullOrWhiteSpace))
        {
            Error = "The file's first line is empty: it must name the columns, for example Name,Email,Country,Language.";
            return false;
        }
        return true;
    }
}
