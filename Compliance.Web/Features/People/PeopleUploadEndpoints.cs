using Compliance.Domain.Incidents;
using Compliance.Domain.Json;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Http.Features;

namespace Compliance.Web.Features.People;

/// <summary>
/// POST /incidents/{id}/people/uploads, GET .../uploads/{uploadId} and POST .../uploads/{uploadId}/import: the import
/// page's steps for tools. The file is kept encrypted for its uploader (<see cref="PeopleUploads"/>), checked row by row
/// with the columns guessed from its header, and imported only when confirmed, with the columns the tool names.
/// </summary>
public static class PeopleUploadEndpoints
{
    private const long MaxMultipartBytes = PeopleUploads.MaxBytes + 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var uploads = api.MapGroup("/incidents/{id:guid}/people/uploads").WithTags("Affected people");

        uploads.MapPost("/", UploadAsync)
            .WithName("UploadPeople")
            .WithSummary("Upload a list of affected people: multipart/form-data with a 'file' part, a UTF-8 CSV with a header row (up to 200 MB). " +
                         "Answers the upload's id and its check with the columns guessed from the header; nothing is imported yet.")
            .Accepts<PeopleUploadForm>("multipart/form-data")
            .Produces<UploadReport>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithFormOptions(multipartBodyLengthLimit: MaxMultipartBytes);

        uploads.MapGet("/{uploadId:guid}", ReportAsync)
            .WithName("CheckPeopleUpload")
            .WithSummary("The check of an upload again (only its uploader sees it): rows, the columns used, people per jurisdiction and every " +
                         "problem by line and field. Nothing is imported.")
            .Produces<UploadReport>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        uploads.MapPost("/{uploadId:guid}/check", CheckColumnsAsync)
            .WithName("CheckPeopleUploadWithColumns")
            .WithRequestExample("""{ "columns": { "name": "Name", "jurisdiction": "Country", "email": "Email", "language": "Language", "phone": "Phone", "address": null, "extra": ["Note"] } }""")
            .WithSummary("Check the upload with the columns you name, as the import page's Check button does (the same body as the import); " +
                         "nothing is imported. Answers the check report.")
            .Accepts<ImportBody>(isOptional: true, "application/json")
            .Produces<UploadReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        uploads.MapPost("/{uploadId:guid}/import", ImportAsync)
            .WithName("ImportPeople")
            .WithRequestExample("""{ "columns": { "name": "Name", "jurisdiction": "Country", "email": "Email", "language": "Language", "phone": "Phone", "address": null, "extra": [] } }""")
            .WithSummary("Import the upload: optionally { \"columns\": { \"name\", \"jurisdiction\", \"email\", \"language\", \"phone\", \"address\", " +
                         "\"extra\": [other columns to keep] } } naming the file's headers (left out, the guessed columns). Only a clean file is " +
                         "imported, all of it or nothing; the upload is then deleted. A file with problems is a 400 naming each line and field.")
            .Accepts<ImportBody>(isOptional: true, "application/json")
            .Produces<ImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, IncidentAccess workspace, PeopleUploads uploads, ImportPeople import, CancellationToken ct)
    {
        var actor = http.Actor();
        var access = await workspace.PeopleAccessAsync(actor, id, ct);
        if (!access.IsOk) return ApiResults.From(access, _ => Results.Empty);
        if (http.Request.ContentLength > MaxMultipartBytes) return TooLarge();
        if (!http.Request.HasFormContentType) return ApiResults.Invalid("file", "Send multipart/form-data with the CSV file in a part named 'file'.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxMultipartBytes;
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return ApiResults.Invalid("$", "The body is not a readable multipart/form-data form.");
        }
        if (form.Files.GetFile("file") is not { Length: > 0 } csv) return ApiResults.Invalid("file", "Choose a CSV file.");
        if (csv.Length > PeopleUploads.MaxBytes) return TooLarge();

        var bytes = new byte[csv.Length];
        await using (var stream = csv.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        var file = UploadedPeopleFile.Inspect(bytes);
        if (!file.IsReadable) return ApiResults.Invalid("file", file.Error!);
        var uploadId = await uploads.SaveAsync(actor, id, bytes, ct);
        var report = await CheckAsync(actor, id, uploadId, new Opened(bytes, file, file.GuessColumns(), []), import, ct);
        return ApiResults.From(report, r => Results.Created(UrlOf(id, uploadId), r));
    }

    private static async Task<IResult> ReportAsync(Guid id, Guid uploadId, HttpContext http, IncidentAccess workspace, PeopleUploads uploads,
        ImportPeople import, CancellationToken ct)
    {
        var (upload, refusal) = await OpenAsync(id, uploadId, http, workspace, uploads, withColumns: false, ct);
        return refusal ?? ApiResults.From(await CheckAsync(http.Actor(), id, uploadId, upload!, import, ct), Results.Ok);
    }

    private static async Task<IResult> CheckColumnsAsync(Guid id, Guid uploadId, HttpContext http, IncidentAccess workspace, PeopleUploads uploads,
        ImportPeople import, CancellationToken ct)
    {
        var (upload, refusal) = await OpenAsync(id, uploadId, http, workspace, uploads, withColumns: true, ct);
        return refusal ?? ApiResults.From(await CheckAsync(http.Actor(), id, uploadId, upload!, import, ct), Results.Ok);
    }

    private static async Task<IResult> ImportAsync(Guid id, Guid uploadId, HttpContext http, IncidentAccess workspace, PeopleUploads uploads,
        ImportPeople import, CancellationToken ct)
    {
        var (upload, refusal) = await OpenAsync(id, uploadId, http, workspace, uploads, withColumns: true, ct);
        if (refusal is not null) return refusal;
        if (upload!.File.MapOf(upload.Chosen, upload.Extra) is not { } map)
            return ApiResults.Invalid($"columns.{(upload.Chosen.GetValueOrDefault("Name") is { Length: > 0 } ? "jurisdiction" : "name")}",
                "Say which column holds it: the name and the jurisdiction are required.");

        var actor = http.Actor();
        var imported = await import.HandleAsync(actor, new ImportPeople.Request(id, () => new MemoryStream(upload.Bytes), map), ct);
        if (imported.IsOk) await uploads.DeleteAsync(actor, uploadId, ct);
        return ApiResults.From(imported, r => Results.Ok(new ImportResult(r.Rows, r.PerJurisdiction)));
    }

    /// <summary>An upload read back for its uploader, with the columns named in the body or else guessed from the header.</summary>
    private sealed record Opened(byte[] Bytes, UploadedPeopleFile File, Dictionary<string, string> Chosen, IReadOnlyList<string> Extra);

    // Who may not is told so before the upload or the body is read; someone else's upload is not found, as on the page.
    private static async Task<(Opened? Upload, IResult? Refusal)> OpenAsync(Guid id, Guid uploadId, HttpContext http, IncidentAccess workspace,
        PeopleUploads uploads, bool withColumns, CancellationToken ct)
    {
        var actor = http.Actor();
        var access = await workspace.PeopleAccessAsync(actor, id, ct);
        if (!access.IsOk) return (null, ApiResults.From(access, _ => Results.Empty));
        if (await uploads.ReadAsync(actor, id, uploadId, ct) is not { } bytes) return (null, ApiResults.NotFound());
        var file = UploadedPeopleFile.Inspect(bytes);
        if (!file.IsReadable) return (null, ApiResults.NotFound()); // never kept: an unreadable file is refused at upload
        var upload = new Opened(bytes, file, file.GuessColumns(), []);
        if (!withColumns || (http.Request.ContentLength is null or 0 && http.Request.Headers.TransferEncoding.Count == 0)) return (upload, null);

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return (null, body.Problem);
        using var document = body.Document!;
        var reader = new FieldReader();
        var named = ImportColumnsReader.Read(reader, body.Root, file.Headers);
        if (reader.HasErrors) return (null, ApiResults.Invalid(reader.Errors));
        return (named is { } n ? upload with { Chosen = n.Chosen, Extra = n.Extra } : upload, null);
    }

    private static async Task<Outcome<UploadReport>> CheckAsync(Actor actor, Guid incidentId, Guid uploadId, Opened upload, ImportPeople import, CancellationToken ct)
    {
        var map = upload.File.MapOf(upload.Chosen, upload.Extra);
        var columns = UploadColumns.From(upload.Chosen, map);
        if (map is null) return Outcome<UploadReport>.Ok(UploadReport.From(uploadId, upload.File, columns, null));
        var checkedFile = await import.CheckAsync(actor, new ImportPeople.Request(incidentId, () => new MemoryStream(upload.Bytes), map), ct);
        return checkedFile.Status is OutcomeStatus.Ok or OutcomeStatus.Invalid
            ? Outcome<UploadReport>.Ok(UploadReport.From(uploadId, upload.File, columns, checkedFile.Value))
            : checkedFile.Refusal<UploadReport>();
    }

    public static string UrlOf(Guid incidentId, Guid uploadId) => $"{IncidentEndpoints.UrlOf(incidentId)}/people/uploads/{uploadId}";

    private static IResult TooLarge() => ApiResults.Invalid("file", "The file is larger than 200 MB; import it with the command line.");
}
