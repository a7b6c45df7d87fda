using Compliance.Domain.Workspace;

namespace Compliance.Web.Api;

/// <summary>
/// How a workspace outcome reads over HTTP: 404 and 403 say nothing about the resource, 400 names each field by
/// its JSON path, 409 says what to reload.
/// </summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Status switch
    {
        OutcomeStatus.Ok => ok(outcome.Value!),
        OutcomeStatus.NotFound => NotFound(),
        OutcomeStatus.Forbidden => Forbidden(),
        OutcomeStatus.Invalid => Invalid(outcome.Errors),
        OutcomeStatus.Conflict => Conflict(outcome.Errors.TryGetValue("$", out var messages) ? string.Join(" ", messages) : "The resource changed; reload it."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "An outcome the API does not know how to answer."),
    };

    // The same words whether the id is unknown, another organisation's, or outside a responder's incident.
    public static IResult NotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
            detail: "Nothing with this id is visible to you in your organisation.");

    public static IResult Forbidden() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this.");

    public static IResult NotAMember() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token's user is no longer a member of the organisation.");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail);

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), title: "The request has invalid fields.");

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
