using System.Text;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;

namespace Compliance.Web.Features.Audit;

/// <summary>
/// GET /incidents/{id}/audit: the incident's lines of the hash-chained log. As JSON for anyone who may read the
/// incident; as CSV (?format=csv or Accept: text/csv) only for those who may export, and the export is itself logged.
/// </summary>
public static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/incidents/{id:guid}/audit", HandleAsync)
            .WithTags("Audit")
            .WithName("IncidentAudit")
            .WithSummary("The incident's audit log, oldest first: JSON a page at a time, or all of it as CSV with ?format=csv or Accept: text/csv (an export, itself audited).")
            .WithPaging()
            .ProducesValidationProblem()
            .Produces<AuditList>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, string? format, HttpContext http, IncidentAccess access, IncidentAuditTrail trail,
        ExportAudit export, CancellationToken ct)
    {
        if (format is not null && format is not ("csv" or "json")) return ApiResults.Invalid("format", "must be 'json' or 'csv'.");
        var actor = http.Actor();
        var incident = await access.GetAsync(actor, id, ct);
        if (!incident.IsOk) return ApiResults.From(incident, _ => Results.Empty);

        var zone = incident.Value!.ClockZone;
        if (!WantsCsv(http.Request, format))
        {
            var (page, problem) = PageRequest.From(http.Request, 1);
            if (problem is not null) return problem;
            return ApiResults.From(await trail.ReadAsync(actor, id, ct), entries =>
            {
                var paged = page.Slice(entries, e => [CursorKey.Ascending(e.Sequence)]);
                return Results.Ok(new AuditList(paged.Items.Select(e => AuditEntryResource.From(e, zone)).ToList(), paged.NextLink(http.Request)));
            });
        }

        var exported = await export.HandleAsync(actor, new ExportAuditRequest(id), ct);
        if (!exported.IsOk) return ApiResults.From(exported, _ => Results.Empty);
        await using var csv = new StringWriter();
        await AuditCsv.WriteAsync(exported.Value!.Entries, csv);
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{incident.Value.Reference}-audit.csv");
    }

    private static bool WantsCsv(HttpRequest request, string? format) =>
        format == "csv"
        || (format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
}

public sealed record AuditEntryResource(long Sequence, string At, string Actor, string Action, JsonElement Data, string PreviousHash, string Hash)
{
    public static AuditEntryResource From(AuditEntry e, string zone)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new(e.Sequence, ApiTime.Format(e.At, zone), e.Actor, e.Action, data.RootElement.Clone(), e.PreviousHash, e.Hash);
    }
}

public sealed record AuditList(IReadOnlyList<AuditEntryResource> Entries, string? Next);
