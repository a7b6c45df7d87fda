using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Incidents;

/// <summary>PATCH /incidents/{id}: facts and status change together or not at all (<see cref="UpdateIncident"/>).</summary>
public static class IncidentPatchEndpoint
{
    public static async Task<IResult> HandleAsync(Guid id, HttpContext http, IncidentAccess access, UpdateIncident update,
        IncidentResources resources, CancellationToken ct)
    {
        var actor = http.Actor();
        var current = await access.ForAsync(actor, id, Operation.EditIncident, ct);
        if (!current.IsOk) return ApiResults.From(current, _ => Results.Empty);

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var (patch, errors) = IncidentPatch.Parse(body.Root, current.Value!, http.Request.Headers.IfMatch.ToString());
        if (patch is null) return ApiResults.Invalid(errors);

        var outcome = await update.HandleAsync(actor, new UpdateIncidentRequest(id, patch.Input, patch.ExpectedVersion, patch.Status), ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        http.Response.Headers.ETag = IncidentResource.ETagOf(outcome.Value!);
        return Results.Ok(await resources.ForAsync(outcome.Value!, ct));
    }
}
