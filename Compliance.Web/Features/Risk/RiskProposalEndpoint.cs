using Compliance.Domain.Risk;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Risk;

/// <summary>
/// POST /incidents/{id}/risk-assessment/proposal: the risk page's "Show the proposal". The answers in, the level the
/// method proposes for them and this incident's facts out, with the reasons; nothing is stored or audited (confirming is
/// the PUT), but only those who may confirm may ask, as on the page.
/// </summary>
public static class RiskProposalEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/incidents/{id:guid}/risk-assessment/proposal", ProposeAsync)
            .WithTags("Incidents")
            .WithName("ProposeRisk")
            .WithRequestExample("""{ "answers": { "stateActor": true, "politicalExposure": true, "identification": "maximum", "lost": ["confidentiality"], "misuse": "possible", "consequences": "severe" } }""")
            .WithSummary("What the guided assessment proposes for these answers and the incident's current facts: the level and the reasons, " +
                         "before anyone confirms it (admin, security lead, or the incident's responder). Stores nothing; PUT the risk-assessment to confirm.")
            .Accepts<RiskProposalBody>("application/json")
            .Produces<RiskProposalResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> ProposeAsync(Guid id, HttpContext http, RiskAssessmentQuery assessments, IClock clock, CancellationToken ct)
    {
        var (request, problem) = await RiskRequest.ReadAsync(id, http, assessments, clock, ct);
        if (request is null) return problem!;
        using var read = request;
        var (answers, errors) = RiskAssessmentInput.ParseAnswers(request.Root);
        if (answers is null) return ApiResults.Invalid(errors);
        return Results.Ok(RiskProposalResource.From(RiskMethod.Propose(answers, RiskFacts.Of(request.Current.Incident))));
    }
}

/// <summary>POST body: the answers alone, as in the PUT's "answers".</summary>
public sealed record RiskProposalBody(RiskAnswersBody Answers);

/// <summary>The highest level any factor points to, and each factor with its source.</summary>
public sealed record RiskProposalResource(string ProposedLevel, IReadOnlyList<RiskReasonResource> Reasons)
{
    public static RiskProposalResource From(RiskProposal p) => new(KebabCase<RiskLevel>.ToId(p.Level),
        p.Reasons.Select(r => new RiskReasonResource(r.Factor, KebabCase<RiskLevel>.ToId(r.Level), r.Explanation, r.Source)).ToList());
}
