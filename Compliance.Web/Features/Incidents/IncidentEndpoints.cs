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
            .WithSummary("The organisation's incidents visible to the caller, most recent awareness first.")
            .Produces<IncidentList>();

        incidents.MapPost("/", CreateAsync)
            .WithName("CreateIncident")
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
            .WithSummary("Change some facts (obligations are recomputed, superseded ones kept) and/or the status: open, contained or closed. " +
                         "Send If-Match: \"version\" or a version field to refuse a stale edit with 409.")
            .Accepts<IncidentPatchBody>("application/json", "application/merge-patch+json")
            .Produces<IncidentResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IncidentWorkspace workspace, CancellationToken ct)
    {
        var actor = http.Actor();
        var listed = await workspace.ListAsync(actor, ct);
        if (!listed.IsOk) return ApiResults.From(listed, _ => Results.Empty);
        var open = (await workspace.OpenDutiesAsync(actor, ct)).ToLookup(d => d.Incident.Id, d => d.Obligation);
        var summaries = listed.Value!.Select(i =>
        {
            var duties = open[i.Id].ToList();
            var next = duties.Where(o => o.Deadline is not null).MinBy(o => o.Deadline);
            return new IncidentSummary(i.Id, i.Reference, i.Title, KebabCase<IncidentStatus>.ToId(i.Status), i.Version,
                ApiTime.Format(i.AwareAt, i.ClockZone), KebabCase<RiskLevel>.ToId(i.RiskLevel), i.TotalAffected, duties.Count,
                next is null ? null : ApiTime.Format(next.Deadline, next.TimeZone), i.ClockZone, ApiTime.Format(i.UpdatedAt, i.ClockZone));
        }).ToList();
        return Results.Ok(new IncidentList(summaries));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IncidentWorkspace workspace, ComplianceDbContext db, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        // Refuse before reading: a viewer learns nothing from having their draft validated.
        if (!Permissions.Allows(actor, Operation.CreateIncident, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;

        var zone = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.TimeZone).SingleAsync(ct);
        var (input, errors) = IncidentInput.Parse(body.Root, zone);
        var unknown = body.Root.EnumerateObject()
            .Where(p => !IncidentPatch.FactFields.Contains(p.Name) && !IncidentPatch.ServerFields.Contains(p.Name))
            .ToDictionary(p => p.Name, _ => new[] { "is not a field of an incident." });
        if (input is null || unknown.Count > 0) return ApiResults.Invalid(errors.Concat(unknown).ToDictionary());

        return ApiResults.From(await workspace.CreateAsync(actor, input, ct), incident =>
        {
            http.Response.Headers.ETag = IncidentResource.ETagOf(incident);
            return Results.Created(UrlOf(incident.Id), IncidentResource.From(incident));
        });
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, IncidentWorkspace workspace, ComplianceDbContext db, CancellationToken ct)
    {
        var found = await workspace.GetAsync(http.Actor(), id, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        http.Response.Headers.ETag = IncidentResource.ETagOf(found.Value!);
        return Results.Ok(await RiskAssessmentResource.AttachAsync(IncidentResource.From(found.Value!), found.Value!, db, ct));
    }

    public static string UrlOf(Guid incidentId) => $"/api/v1/incidents/{incidentId}";
}
