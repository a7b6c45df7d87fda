using System.Text.Json;
using Compliance.Domain.Risk;
using NodaTime;

namespace Compliance.Web.Features.Risk;

/// <summary>
/// What a PUT of the assessment and a POST of a proposal both check first: the incident is visible, the caller may
/// assess it (refused before the body is read: a viewer learns nothing from having their answers validated), and the
/// body is one JSON object.
/// </summary>
public sealed record RiskRequest(RiskAssessmentView Current, JsonDocument Body) : IDisposable
{
    public JsonElement Root => Body.RootElement;

    public static async Task<(RiskRequest? Request, IResult? Problem)> ReadAsync(Guid incidentId, HttpContext http, RiskAssessmentQuery assessments,
        IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        var current = await assessments.GetAsync(actor, incidentId, ct);
        if (!current.IsOk) return (null, ApiResults.From(current, _ => Results.Empty));
        if (!RiskPermissions.MayAssess(actor, incidentId, clock.GetCurrentInstant())) return (null, ApiResults.Forbidden());
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        return body.Problem is not null ? (null, body.Problem) : (new RiskRequest(current.Value!, body.Document!), null);
    }

    public void Dispose() => Body.Dispose();
}
