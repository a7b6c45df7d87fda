using Compliance.Domain.Incidents;
using Compliance.Domain.Risk;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Risk;

/// <summary>
/// GET and PUT /incidents/{id}/risk-assessment: the answers to the guided assessment, the level confirmed and the rationale
/// (required when the level is not the proposed one). The incident's riskLevel becomes the confirmed level.
/// </summary>
public static class RiskAssessmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/incidents/{id:guid}/risk-assessment", GetAsync)
            .WithTags("Incidents")
            .WithName("GetRiskAssessment")
            .WithSummary("The incident's last confirmed risk assessment: answers, proposed level and reasons, the confirmed level and rationale, " +
                         "and whether the incident still follows it; 404 when none was confirmed yet. The ETag is the incident's version.")
            .Produces<RiskAssessmentResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/incidents/{id:guid}/risk-assessment", PutAsync)
            .WithTags("Incidents")
            .WithName("AssessRisk")
            .WithRequestExample("""{ "answers": { "stateActor": true, "surveillance": true, "reprisal": false, "politicalExposure": true, "vulnerablePeople": false, "identification": "maximum", "lost": ["confidentiality"], "misuse": "possible", "consequences": "severe" }, "confirmedLevel": "high", "rationale": "A state actor holds activists' names and HKID numbers." }""")
            .WithSummary("Confirm the incident's risk level from the guided assessment's answers, or override the proposed level with a rationale " +
                         "(admin, security lead, or the incident's responder). The confirmed level and the rationale become the incident's riskLevel and riskRationale, " +
                         "the duties are recomputed from them, and the answers, proposal and decision are audited.")
            .Accepts<RiskAssessmentBody>("application/json")
            .Produces<RiskAssessmentResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        RiskProposalEndpoint.Map(api);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, RiskAssessmentQuery assessments, CancellationToken ct)
    {
        var found = await assessments.GetAsync(http.Actor(), id, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var (incident, stored) = found.Value!;
        if (stored is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No risk assessment yet.",
                detail: "Nobody has confirmed this incident's risk assessment; POST answers to its risk-assessment/proposal to see what it would propose.");
        http.Response.Headers.ETag = IncidentResource.ETagOf(incident);
        return Results.Ok(RiskAssessmentResource.From(stored, incident));
    }

    private static async Task<IResult> PutAsync(Guid id, HttpContext http, RiskAssessmentQuery assessments, ConfirmRiskAssessment confirm, IClock clock,
        CancellationToken ct)
    {
        var (request, problem) = await RiskRequest.ReadAsync(id, http, assessments, clock, ct);
        if (request is null) return problem!;
        using var read = request;
        var (input, errors) = RiskAssessmentInput.Parse(request.Root);
        if (input is null) return ApiResults.Invalid(errors);
        return ApiResults.From(await confirm.HandleAsync(http.Actor(), new ConfirmRiskAssessment.Request(id, input), ct), view =>
        {
            http.Response.Headers.ETag = IncidentResource.ETagOf(view.Incident);
            return Results.Ok(RiskAssessmentResource.From(view.Assessment!, view.Incident));
        });
    }
}

/// <summary>The answers, as the API takes and shows them; a flag left out is "no".</summary>
public sealed record RiskAnswersBody(
    bool? StateActor,
    bool? Surveillance,
    bool? Reprisal,
    bool? PoliticalExposure,
    bool? VulnerablePeople,
    string Identification,
    IReadOnlyList<string>? Lost,
    string Misuse,
    string Consequences)
{
    public static RiskAnswersBody From(RiskAnswers a) => new(a.StateActor, a.Surveillance, a.Reprisal, a.PoliticalExposure, a.VulnerablePeople,
        KebabCase<Identification>.ToId(a.Identification), a.Lost.Select(KebabCase<SecurityLoss>.ToId).ToList(),
        KebabCase<Misuse>.ToId(a.Misuse), KebabCase<Consequences>.ToId(a.Consequences));
}

/// <summary>PUT body: identification negligible|limited|significant|maximum; lost [confidentiality, integrity, availability]; misuse no-sign|possible|observed; consequences minor|significant|severe.</summary>
public sealed record RiskAssessmentBody(RiskAnswersBody Answers, string ConfirmedLevel, string? Rationale);

public sealed record RiskReasonResource(string Factor, string Level, string Explanation, string Source);

/// <summary>
/// The last confirmed assessment. <see cref="Current"/> is false when the incident's risk level or rationale was since
/// changed by an edit of the facts (PATCH riskLevel, the old form field), which the rules then follow.
/// </summary>
public sealed record RiskAssessmentResource(
    RiskAnswersBody Answers,
    string ProposedLevel,
    IReadOnlyList<RiskReasonResource> Reasons,
    string ConfirmedLevel,
    bool Overridden,
    string Rationale,
    string ConfirmedBy,
    string ConfirmedAt,
    bool Current)
{
    public static RiskAssessmentResource From(RiskAssessment a, Incident incident) => new(
        RiskAnswersBody.From(a.Answers), KebabCase<RiskLevel>.ToId(a.ProposedLevel),
        a.Reasons.Select(r => new RiskReasonResource(r.Factor, KebabCase<RiskLevel>.ToId(r.Level), r.Explanation, r.Source)).ToList(),
        KebabCase<RiskLevel>.ToId(a.ConfirmedLevel), a.Overridden, a.Rationale, a.ConfirmedBy, ApiTime.Format(a.ConfirmedAt, incident.ClockZone),
        incident.RiskLevel == a.ConfirmedLevel && incident.RiskRationale == a.Rationale);
}
