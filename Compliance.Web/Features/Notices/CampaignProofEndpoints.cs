namespace Compliance.Web.Features.Notices;

/// <summary>GET .../campaigns/{campaignId}/proof.csv and proof.pdf: the Campaign page's proof downloads, audited by the same handlers.</summary>
public static class CampaignProofEndpoints
{
    public static void Map(RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/{campaignId:guid}/proof.csv", CsvAsync)
            .WithName("GetCampaignProofCsv")
            .WithSummary("The proof of notification as CSV, one row per recipient: name, email, jurisdiction, language, state, whether the server " +
                         "confirmed it, when, Message-ID, template and the server's reply. Personal data: the export is audited.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapGet("/{campaignId:guid}/proof.pdf", PdfAsync)
            .WithName("GetCampaignProofPdf")
            .WithSummary("The one-page proof of notification as PDF (counts per state and jurisdiction, first and last send, who prepared and " +
                         "approved, the notice's hash), without personal data, to attach to a filing. The download is audited.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // The campaign is found (and access checked) before the answer starts; the rows then stream as they are read.
    private static async Task<IResult> CsvAsync(Guid id, Guid campaignId, HttpContext http, CampaignProgress progress, CampaignProofCsv proof, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await progress.GetAsync(actor, new CampaignRef(id, campaignId), ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        return Results.Stream(output => proof.WriteAsync(actor, found.Value!, output, ct), "text/csv; charset=utf-8", FileName(campaignId, "csv"));
    }

    private static async Task<IResult> PdfAsync(Guid id, Guid campaignId, HttpContext http, CampaignProofPdf proof, CancellationToken ct) =>
        ApiResults.From(await proof.HandleAsync(http.Actor(), new CampaignRef(id, campaignId), ct),
            pdf => Results.File(pdf, "application/pdf", FileName(campaignId, "pdf")));

    private static string FileName(Guid campaignId, string extension) => $"campaign-proof-{campaignId:N}.{extension}";
}
