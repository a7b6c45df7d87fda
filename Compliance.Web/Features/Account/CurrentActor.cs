using Compliance.Domain.Organisations;
using System.Security.Claims;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary>
/// The signed-in person as the domain sees them, read fresh from the membership table on every request, so a
/// removed member or an expired responder loses access at once. Also confines the DbContext to their organisation.
/// </summary>
public sealed class CurrentActor(ComplianceDbContext db, Shared.OrganisationFrame organisations, IClock clock)
{
    private bool resolved;
    private Actor? actor;

    public async Task<Actor?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (resolved) return actor;
        resolved = true;
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ComplianceClaims.UserId), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(ComplianceClaims.OrganisationId), out var orgId))
            return null;

        var now = clock.GetCurrentInstant();
        // One round trip for what every workspace request needs: the memberships, and the organisation's frame.
        var read = await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new
        {
            Facts = new Shared.OrganisationFrame.Facts(o.RequireTwoFactor, o.RequirePhishingResistant, o.TimeZone,
                db.AuditHeads.Where(h => h.OrganisationId == o.Id).Select(h => (long?)h.LastSequence).FirstOrDefault() ?? 0),
            Members = db.Members.Where(m => m.UserId == userId && m.OrganisationId == o.Id).ToList(),
        }).SingleOrDefaultAsync(ct);
        if (read is null) return null;
        organisations.Prime(orgId, read.Facts);
        var member = Member.Acting(read.Members, now);
        if (member is null) return null;
        db.OrganisationScope = orgId;
        actor = new Actor(userId, principal.FindFirstValue(ComplianceClaims.Email) ?? "", orgId, member.Role, member.IncidentId, member.ExpiresAt);
        return actor;
    }
}
