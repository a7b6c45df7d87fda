using Compliance.Domain.Vocabulary;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Api;

/// <summary>
/// The JSON API under /api/v1 for tools: Bearer tokens only (no cookies, so no cross-site requests). Every endpoint
/// runs as the token's user, who must still be an active member of the token's organisation.
/// </summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(AppHost.ApiPolicy)
            .AddEndpointFilter(ApiMembership.RequireActiveMember)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]));

        api.MapGet("/me", (HttpContext http) =>
            {
                var actor = http.Actor();
                return Results.Ok(new MeResource(actor.UserId, actor.Email, actor.OrganisationId, KebabCase<Role>.ToId(actor.Role)));
            })
            .WithTags("Account")
            .WithSummary("Who the token acts as.")
            .Produces<MeResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        IncidentEndpoints.Map(api);
        ObligationEndpoints.Map(api);
        EvidenceEndpoints.Map(api);
        TimelineEndpoints.Map(api);
        RiskAssessmentEndpoints.Map(api);
        ContactEndpoints.Map(api);
        PeopleEndpoints.Map(api);
        PeopleUploadEndpoints.Map(api);
        TaskEndpoints.Map(api);
        AuditEndpoints.Map(api);
        NoticeEndpoints.Map(api);
        CampaignEndpoints.Map(api);
        FilingEndpoints.Map(api);
        MemberEndpoints.Map(api);
        TokenEndpoints.Map(api);
        OrganisationAuditEndpoint.Map(api);
        WebhookEndpoints.Map(api);
        OrganisationEndpoints.Map(api);
        TaskTemplateEndpoints.Map(api);
        MailEndpoints.Map(api);
    }
}

public sealed record MeResource(Guid UserId, string Email, Guid OrganisationId, string Role);
