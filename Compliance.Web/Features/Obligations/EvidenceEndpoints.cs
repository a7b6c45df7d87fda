using Compliance.Domain.Obligations;

namespace Compliance.Web.Features.Obligations;

/// <summary>GET /evidence/{id}: the file kept as proof of a filing, as an attachment with its SHA-256.</summary>
public static class EvidenceEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/evidence/{id:guid}", DownloadAsync)
            .WithTags("Obligations")
            .WithName("DownloadEvidence")
            .WithSummary("Download an evidence file; Repr-Digest carries its SHA-256 as recorded at upload.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static string UrlOf(Guid evidenceId) => $"/api/v1/evidence/{evidenceId}";

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext http, DutyEvidence evidence, CancellationToken ct) =>
        ApiResults.From(await evidence.ReadAsync(http.Actor(), id, ct), file =>
        {
            http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
            // Always an attachment: an uploaded HTML file must never render as a page of this site.
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
}
