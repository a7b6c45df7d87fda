using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Obligations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Compliance.Web.Api;

/// <summary>
/// A multipart/form-data request with text fields and one <c>evidence</c> file of up to 10 MiB. The text fields come
/// back as a JSON object, so the endpoint checks them with the same reader as a JSON body and both forms fail alike.
/// </summary>
public static class EvidenceForm
{
    // Room for the form's boundaries and text fields around a file of the largest allowed size.
    public const long MaxMultipartBytes = EvidenceFile.MaxBytes + 64 * 1024;

    public sealed record Read(JsonDocument? Fields, EvidenceUpload? Evidence, IResult? Problem);

    public static async Task<Read> ReadAsync(HttpContext http, CancellationToken ct)
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

        var fields = new JsonObject();
        foreach (var (name, value) in form) fields[name] = value.ToString();

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

    /// <summary>The fields the endpoint does not know, each with a message naming it, for a 400.</summary>
    public static Dictionary<string, string[]> Unknown(JsonElement root, IReadOnlySet<string> known, string what) =>
        root.EnumerateObject().Where(p => !known.Contains(p.Name)).ToDictionary(p => p.Name, _ => new[] { $"is not a field of {what}." });

    private static string SafeContentType(string? declared) =>
        MediaTypeHeaderValue.TryParse(declared, out var parsed) && parsed.ToString().Length <= 127 ? parsed.ToString() : "application/octet-stream";

    private static Read TooLarge() =>
        new(null, null, ApiResults.Invalid("evidence", $"is larger than {EvidenceFile.MaxBytes / 1024 / 1024} MiB."));
}
