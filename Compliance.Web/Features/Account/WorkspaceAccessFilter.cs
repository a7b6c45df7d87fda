using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Compliance.Web.Features.Account;

/// <summary>
/// Before any workspace page: the person must be an active member of an organisation, and if that organisation
/// requires two-factor sign-in, must have set it up (an authenticator app or a key); if it requires a phishing-resistant
/// factor of security leads and admins, they must be signed in with a key. Account pages are exempt so that set-up is
/// reachable, except the Account page itself (its tokens and calendar address) under the key rule.
/// </summary>
public sealed class WorkspaceAccessFilter(CurrentActor current, UserManager<User> users, SecurityKeyPolicy keys) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.ActionDescriptor.ViewEnginePath;
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && path == "/Account/Security" && await current.GetAsync(http.User, http.RequestAborted) is { } member
            && await keys.StandingAsync(member, http.User, http.RequestAborted) != PhishingResistantPolicy.Standing.Satisfied)
        {
            context.Result = new RedirectToPageResult("/Account/Passkeys");
            return;
        }
        if (path.StartsWith("/Account/", StringComparison.Ordinal) || path == "/Error" || http.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }
        var actor = await current.GetAsync(http.User, http.RequestAborted);
        if (actor is null)
        {
            context.Result = new RedirectToPageResult("/Account/Denied");
            return;
        }
        var rules = await keys.RulesOfAsync(actor.OrganisationId, http.RequestAborted);
        if (rules.RequireTwoFactor && await users.GetUserAsync(http.User) is { } user && !await users.GetTwoFactorEnabledAsync(user))
        {
            context.Result = new RedirectToPageResult("/Account/Setup2fa");
            return;
        }
        // Security leads and admins of an organisation that requires a phishing-resistant factor: a session signed in
        // without a key (an app code can be relayed by a look-alike site) opens nothing but the key page.
        if (await keys.StandingAsync(actor, http.User, rules.RequirePhishingResistant, http.RequestAborted) != PhishingResistantPolicy.Standing.Satisfied)
        {
            context.Result = new RedirectToPageResult("/Account/Passkeys");
            return;
        }
        await next();
    }
}
