using Compliance.Domain.Workspace;

namespace Compliance.Web.Api;

/// <summary>
/// A valid token is not enough: its user must still be an active member of the token's organisation (a removed
/// member or an expired responder is refused at once). Endpoints read the resolved actor with <see cref="Actor"/>.
/// </summary>
public static class ApiMembership
{
    private static readonly object ActorKey = new();

    public static async ValueTask<object?> RequireActiveMember(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var actor = await http.RequestServices.GetRequiredService<CurrentActor>().GetAsync(http.User, http.RequestAborted);
        if (actor is null) return ApiResults.NotAMember();
        http.Items[ActorKey] = actor;
        return await next(context);
    }

    public static Actor Actor(this HttpContext http) =>
        http.Items[ActorKey] as Actor ?? throw new InvalidOperationException("The API group's membership filter did not run.");
}
