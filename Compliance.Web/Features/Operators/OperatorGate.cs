using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Operators;

/// <summary>
/// Stands in front of the job dashboard, which shows every organisation's jobs: nobody signed in is sent to sign in;
/// anyone signed in who is not an instance operator, or did not use their second factor in this session, gets 403
/// with one sentence. The operator flag is read from the database on each request, so a revocation holds at once.
/// </summary>
public static class OperatorGate
{
    /// <summary>Set on the request once the gate let it through; the dashboard's own filter checks it.</summary>
    public const string Passed = "compliance.operator-gate";

    // ASP.NET Core Identity marks a session signed in with a second factor (authenticator or recovery code) so; our key
    // sign-ins (SignInMethods) too.
    private const string AuthenticationMethod = "amr", MultiFactor = "mfa";

    public static async Task RunAsync(HttpContext http, Func<Task> next)
    {
        if (http.User.Identity?.IsAuthenticated != true || http.User.FindFirst(ComplianceClaims.UserId)?.Value is not { } id || !Guid.TryParse(id, out var userId))
        {
            await http.ChallengeAsync(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString });
            return;
        }
        var db = http.RequestServices.GetRequiredService<ComplianceDbContext>();
        var isOperator = await db.Users.AnyAsync(u => u.Id == userId && u.InstanceOperator, http.RequestAborted);
        if (!isOperator)
        {
            await DenyAsync(http, "The job dashboard shows every organisation's jobs: only the operators of this installation may open it.");
            return;
        }
        if (!http.User.HasClaim(AuthenticationMethod, MultiFactor))
        {
            await DenyAsync(http, "Sign out and sign in again with your authenticator code: the job dashboard needs two-factor authentication in this session.");
            return;
        }
        // An operator whose organisation requires a key of admins must have signed in with it here too.
        if (await http.RequestServices.GetRequiredService<CurrentActor>().GetAsync(http.User, http.RequestAborted) is { } actor
            && await http.RequestServices.GetRequiredService<SecurityKeyPolicy>().StandingAsync(actor, http.User, http.RequestAborted)
                != Compliance.Domain.Organisations.PhishingResistantPolicy.Standing.Satisfied)
        {
            await DenyAsync(http, "Your organisation requires admins to sign in with a passkey or security key: sign out and sign in again with your key.");
            return;
        }
        http.Items[Passed] = true;
        await next();
    }

    private static async Task DenyAsync(HttpContext http, string sentence)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(sentence);
    }
}
