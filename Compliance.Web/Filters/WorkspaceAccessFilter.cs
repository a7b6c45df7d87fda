using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Filters;

/// <summary>
/// Before any workspace page: the person must be an active member of an organisation, and if that organisation
/// requires two-factor sign-in, must have set it up. Account pages are exempt so that set-up is reachable.
/// </summary>
public sealed class WorkspaceAccessFilter(CurrentActor current, UserManager<User> users, ComplianceDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.ActionDescriptor.ViewEnginePath;
        var http = context.HttpContext;
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
        var requires = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.RequireTwoFactor).SingleAsync(http.RequestAborted);
        if (requires && await users.GetUserAsync(http.User) is { TwoFactorEnabled: false })
        {
            context.Result = new RedirectToPageResult("/Account/Setup2fa");
            return;
        }
        await next();
    }
}
