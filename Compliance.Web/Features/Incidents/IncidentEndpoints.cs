using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>GET/POST /incidents and GET/PATCH /incidents/{id}: the facts of a breach, with status and version.</summary>
public static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");

        incidents.MapGet("/", ListAsync)
            .WithName("ListIncidents")
            .WithSummary("The organisation's incidents visible to the caller, most recent awareness first, a page at a time.")
            .WithPaging()
            .Produces<IncidentList>()
            .ProducesValidationProblem();

        incidents.MapPost("/", CreateAsync)
            .WithName("CreateIncident")
            .WithRequestExample("""{ "title": "Supporter database intrusion", "summary": "Intruders found in the CRM.", "awareAt": "2019-03-15T09:00:00+08:00", "timeZone": "Asia/Hong_Kong", "dataCategories": ["name", "national-id", "email", "phone"], "affected": [{ "jurisdiction": "HK", "count": 2400 }], "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "high", "riskRationale": "HKID numbers with names and addresses: identity theft and targeting." }""")
            .WithSummary("Log an incident; its obligations are computed and stored at once.")
            .Accepts<IncidentBody>("application/json")
            .Produces<IncidentResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        incidents.MapGet("/{id:guid}", GetAsync)
            .WithName("GetIncident")
            .WithSummary("The incident's facts, status, version (also the ETag) and reference.")
            .Produces<IncidentResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        incidents.MapPatch("/{id:guid}", IncidentPatchEndpoint.HandleAsync)
            .WithName("UpdateIncident")
            .WithRequestExample("""{ "affected": [{ "jurisdiction": "HK", "count": 2650 }], "status": "contained" }""")
            .WithSummary("Change some facts (obligations are recomputed, superseded ones kept) and/or the status: open, contained or closed. " +
                         "Send If-Match: \"version\" or a version field to refuse a stale edit with 409.")
            .Accepts<IncidentPatchBody>("application/json", "application/merge-patch+json")
            .Produces<IncidentResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IncidentListQuery overview, CancellationToken ct)
    {
        var (page, problem) = PageRequest.From(http.Request, 2);
        if (problem is not null) return problem;
        return ApiResults.From(await overview.ReadAsync(http.Actor(), ct), rows =>
        {
            var paged = page.Slice(rows, r => [CursorKey.Descending(r.Incident.AwareAt), CursorKey.Of(r.Incident.Id)]);
            return Results.Ok(new IncidentList(paged.Items.Select(IncidentSummary.From).ToList(), paged.NextLink(http.Request)));
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateIncident create, ReaderZones zones, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        // Refuse before reading: a viewer learns nothing from having their draft validated.
        if (!Permissions.Allows(actor, Operation.CreateIncident, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;

        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        var (input, errors) = IncidentInput.Parse(body.Root, zone);
        var unknown = body.Root.EnumerateObject()
            .Where(p => !IncidentPatch.FactFields.Contains(p.Name) && !IncidentPatch.ServerFields.Contains(p.Name))
            .ToDictionary(p => p.Name, _ => new[] { "is not a field of an incident." });
        if (input is null || unknown.Count > 0) return ApiResults.Invalid(errors.Concat(unknown).ToDictionary());

        var created = await create.HandleAsync(actor, input, ct);
        if (!created.IsOk) return ApiResults.From(created, _ => Results.Empty);
        http.Response.Headers.ETag = IncidentResource.ETagOf(created.Value!);
        return Results.Created(UrlOf(created.Value!.Id), IncidentResource.From(created.Value!));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, IncidentAccess access, IncidentResources resources, CancellationToken ct)
    {
        var found = await access.GetAsync(http.Actor(), id, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        http.Response.Headers.ETag = IncidentResource.ETagOf(found.Value!);
        return Results.Ok(await resources.ForAsync(found.Value!, ct));
    }

    public static string UrlOf(Guid incidentId) => $"/api/v1/incidents/{incidentId}";
}
