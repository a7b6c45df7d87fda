using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>PATCH /incidents/{id}: facts and status change together or not at all.</summary>
public static class IncidentPatchEndpoint
{
    public static async Task<IResult> HandleAsync(Guid id, HttpContext http, IncidentWorkspace workspace, ComplianceDbContext db, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        var current = await workspace.GetAsync(actor, id, ct);
        if (!current.IsOk) return ApiResults.From(current, _ => Results.Empty);
        if (!Permissions.Allows(actor, Operation.EditIncident, id, clock.GetCurrentInstant())) return ApiResults.Forbidden();

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var (patch, errors) = IncidentPatch.Parse(body.Root, current.Value!, http.Request.Headers.IfMatch.ToString());
        if (patch is null) return ApiResults.Invalid(errors);

        // Closing may be refused after the facts were saved; the transaction takes the facts back with it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await workspace.UpdateAsync(actor, id, patch.Input, patch.ExpectedVersion, ct);
        if (outcome.IsOk && patch.Status is { } status) outcome = await workspace.SetStatusAsync(actor, id, status, ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        await transaction.CommitAsync(ct);

        http.Response.Headers.ETag = IncidentResource.ETagOf(outcome.Value!);
        return Results.Ok(await RiskAssessmentResource.AttachAsync(IncidentResource.From(outcome.Value!), outcome.Value!, db, ct));
    }
}
