using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;

namespace Compliance.Web.Features.Assessments;

/// <summary>
/// POST /api/v1/assessments: the what-if of design.md. Nothing is stored; bad input is a 400
/// problem+json whose <c>errors</c> name each wrong field by its JSON path.
/// </summary>
public static class AssessmentEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/assessments", HandleAsync)
            .WithName("Assess")
            .WithSummary("Who must be told, by when, and why, for the facts of an incident (nothing is stored).")
            .Accepts<AssessmentRequest>("application/json")
            .Produces<AssessmentResponse>(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
            return Problem("$", $"The body is larger than {MaxBodyBytes / 1024} KiB.");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes) return Problem("$", $"The body is larger than {MaxBodyBytes / 1024} KiB.");

        var parsed = AssessmentRequestParser.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (!parsed.IsValid) return Results.ValidationProblem(parsed.Errors, title: "The assessment request has invalid fields.");

        var obligations = RulesEngine.Default.Assess(parsed.Facts!);
        return Results.Text(AssessmentResponseWriter.ToJson(obligations, indented: false), "application/json", System.Text.Encoding.UTF8);
    }

    private static IResult Problem(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The assessment request has invalid fields.");
}
