using Compliance.Domain.Json;
using Compliance.Domain.Obligations;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>GET /incidents/{id}/obligations and POST /obligations/{id}/decision: the duties, and "not required" as a decision.</summary>
public static class ObligationEndpoints
{
    public const string NotRequired = "not-required";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/incidents/{id:guid}/obligations", ListAsync)
            .WithTags("Obligations")
            .WithName("ListObligations")
            .WithSummary("The incident's current duties, soonest deadline first; with history=true also the superseded ones, to see what changed.")
            .Produces<ObligationList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/obligations/{id:guid}/decision", DecideAsync)
            .WithTags("Obligations")
            .WithName("DecideObligation")
            .WithRequestExample("""{ "decision": "not-required", "rationale": "Only staff work emails were exposed; counsel advised no notice is due." }""")
            .WithSummary("Record that a duty is not required, with the rationale; who and when are recorded, the duty is kept.")
            .Accepts<DecisionBody>("application/json")
            .Produces<ObligationResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        FulfilmentEndpoint.Map(api);
    }

    private static async Task<IResult> ListAsync(Guid id, bool? history, HttpContext http, IncidentDuties duties, IClock clock, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        return ApiResults.From(await duties.ReadAsync(http.Actor(), id, history ?? false, ct),
            list => Results.Ok(new ObligationList(list.Select(o => ObligationResource.From(o, now)).ToList())));
    }

    private static async Task<IResult> DecideAsync(Guid id, HttpContext http, DecideNotRequired decide, IClock clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;

        var reader = new FieldReader();
        var decision = reader.String(body.Root, "decision", "decision", required: true, maxLength: 40);
        if (decision is not null && decision != NotRequired) reader.Error("decision", $"'{decision}' is not a decision; the only one is '{NotRequired}' (fulfil a duty to record that it was done).");
        var rationale = reader.String(body.Root, "rationale", "rationale", required: false, maxLength: 2000) ?? "";
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        return ApiResults.From(await decide.HandleAsync(http.Actor(), new DecideNotRequiredRequest(id, rationale), ct),
            o => Results.Ok(ObligationResource.From(o, clock.GetCurrentInstant())));
    }
}
