using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Json;
using Compliance.Domain.Obligations;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>
/// POST /obligations/{id}/fulfilment: when the duty was done and the reference received, as JSON, or as
/// multipart/form-data with the same fields and an <c>evidence</c> file (a regulator's receipt) of up to 10 MiB.
/// </summary>
public static class FulfilmentEndpoint
{
    // Room for the form's boundaries and text fields around a file of the largest allowed size.
    private const long MaxMultipartBytes = EvidenceFile.MaxBytes + 64 * 1024;

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/obligations/{id:guid}/fulfilment", HandleAsync)
            .WithTags("Obligations")
            .WithName("FulfilObligation")
            .WithRequestExample("""{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-2019-0316" }""")
            .WithSummary("Record that a duty was done: filedAt, reference and optionally an evidence file (multipart/form-data). " +
                         "Lateness is frozen at the first filing.")
            .Accepts<FulfilmentBody>("application/json", "multipart/form-data")
            .Produces<ObligationResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, FulfilDuty fulfil, IClock clock, CancellationToken ct)
    {
        JsonDocument? document;
        EvidenceUpload? evidence = null;
        if (http.Request.HasFormContentType)
        {
            var form = await ReadFormAsync(http, ct);
            if (form.Problem is not null) return form.Problem;
            evidence = form.Evidence;
            document = form.Fields;
        }
        else
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, ct);
            if (body.Problem is not null) return body.Problem;
            document = body.Document;
        }

        using (document)
        {
            var reader = new FieldReader();
            var filedAt = reader.Instant(document!.RootElement, "filedAt", "filedAt", required: true);
            var reference = reader.String(document.RootElement, "reference", "reference", required: true, maxLength: 256);
            if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
            return ApiResults.From(await fulfil.HandleAsync(http.Actor(), new FulfilDutyRequest(id, filedAt!.Value, reference!, evidence), ct),
                o => Results.Ok(ObligationResource.From(o, clock.GetCurrentInstant())));
        }
    }

    private sealed record FormRead(JsonDocument? Fields, EvidenceUpload? Evidence, IResult? Problem);

    private static async Task<FormRead> ReadFormAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxMultipartBytes) return TooLarge();
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
            return new(null, null, ApiResults.Invalid("$", "The body is not a readable multipart/form-data form."));
        }

        // The text fields go through the same reader as JSON, so both forms of the request fail alike.
        var fields = new JsonObject();
        foreach (var name in new[] { "filedAt", "reference" })
            if (form.TryGetValue(name, out var value)) fields[name] = value.ToString();

        EvidenceUpload? evidence = null;
        if (form.Files.GetFile("evidence") is { } file)
        {
            if (file.Length > EvidenceFile.MaxBytes) return TooLarge();
            var name = Path.GetFileName(file.FileName);
            if (name.Length is 0 or > 255) return new(null, null, ApiResults.Invalid("evidence", "needs a file name of 1 to 255 characters."));
            using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            evidence = new(name, SafeContentType(file.ContentType), content.ToArray());
        }
        return new(JsonSerializer.SerializeToDocument(fields), evidence, null);
    }

    private static string SafeContentType(string? declared) =>
        MediaTypeHeaderValue.TryParse(declared, out var parsed) && parsed.ToString().Length <= 127 ? parsed.ToString() : "application/octet-stream";

    private static FormRead TooLarge() =>
        new(null, null, ApiResults.Invalid("evidence", $"is larger than {EvidenceFile.MaxBytes / 1024 / 1024} MiB."));
}
