using Compliance.Web.Accounts;
using Compliance.Web.Hosting;

namespace Compliance.Web.Api;

/// <summary>The JSON API under /api/v1 for tools: Bearer tokens only (no cookies, so no cross-site requests).</summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AppHost.ApiPolicy);

        api.MapGet("/me", async (HttpContext http, CurrentActor current) =>
            await current.GetAsync(http.User, http.RequestAborted) is { } actor
                ? Results.Ok(new { userId = actor.UserId, email = actor.Email, organisationId = actor.OrganisationId, role = Domain.Vocabulary.KebabCase<Domain.Vocabulary.Role>.ToId(actor.Role) })
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token's user is no longer a member of the organisation."))
            .WithSummary("Who the token acts as.");
    }
}
