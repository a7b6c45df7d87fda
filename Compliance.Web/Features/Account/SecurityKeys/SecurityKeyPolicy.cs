using System.Security.Claims;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>Reads what <see cref="PhishingResistantPolicy"/> needs for one person: their keys, roles and organisations' rules.</summary>
public sealed class SecurityKeyPolicy(ComplianceDbContext db, Shared.OrganisationFrame organisations, IClock clock)
{
    public Task<int> KeysOfAsync(Guid userId, CancellationToken ct = default) => db.SecurityKeys.CountAsync(k => k.UserId == userId, ct);

    /// <summary>The organisation's two sign-in rules in one read (the workspace filter asks on every request).</summary>
    public async Task<(bool RequireTwoFactor, bool RequirePhishingResistant)> RulesOfAsync(Guid organisationId, CancellationToken ct = default)
    {
        var rules = await organisations.OfAsync(organisationId, ct);
        return (rules.RequireTwoFactor, rules.RequirePhishingResistant);
    }

    public async Task<PhishingResistantPolicy.Standing> StandingAsync(Actor actor, ClaimsPrincipal principal, CancellationToken ct = default) =>
        await StandingAsync(actor, principal,
            await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.RequirePhishingResistant).SingleAsync(ct), ct);

    /// <summary>The same, for a caller that has already read the organisation's rule (the workspace filter, on every request).</summary>
    public async Task<PhishingResistantPolicy.Standing> StandingAsync(Actor actor, ClaimsPrincipal principal, bool requires, CancellationToken ct = default)
    {
        if (!requires || !PhishingResistantPolicy.AppliesTo(actor.Role)) return PhishingResistantPolicy.Standing.Satisfied;
        return PhishingResistantPolicy.Of(requires, actor.Role, await KeysOfAsync(actor.UserId, ct), SignInMethods.Of(principal));
    }

    /// <summary>Across every organisation the person is an active member of: must they keep a key, must they keep a second factor?</summary>
    public async Task<(bool KeyRequired, bool TwoFactorRequired)> RequirementsAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var memberships = await (from m in db.Members.IgnoreQueryFilters()
                                 join o in db.Organisations on m.OrganisationId equals o.Id
                                 where m.UserId == userId
                                 select new { Member = m, o.RequirePhishingResistant, o.RequireTwoFactor }).ToListAsync(ct);
        var active = memberships.Where(m => m.Member.IsActiveAt(now)).ToList();
        return (active.Any(m => m.RequirePhishingResistant && PhishingResistantPolicy.AppliesTo(m.Member.Role)),
                active.Any(m => m.RequireTwoFactor));
    }
}
