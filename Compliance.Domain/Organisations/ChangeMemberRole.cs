using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>Gives a member another role; their sessions carry the role, so they start again with the new one.</summary>
public sealed class ChangeMemberRole(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(Guid UserId, Role Role);

    public async Task<Outcome<Role>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<Role>.Forbidden();
        if (!MemberRoles.Invitable.Contains(request.Role)) return Outcome<Role>.Invalid("role", MemberRoles.ChooseRole);
        return await MemberRoles.KeepingAnAdminAsync(db, actor.OrganisationId, () => ChangeAsync(actor, request, ct), ct);
    }

    private async Task<Outcome<Role>> ChangeAsync(Actor actor, Request request, CancellationToken ct)
    {
        var organisationId = actor.OrganisationId;
        var member = await db.Members.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == request.UserId && m.IncidentId == null, ct);
        if (member is null) return Outcome<Role>.NotFound();
        if (member.Role == request.Role) return Outcome<Role>.Ok(request.Role);
        if (member.Role == Role.Admin && await MemberRoles.IsLastAdminAsync(db, organisationId, request.UserId, ct))
            return Outcome<Role>.Invalid("role", MemberRoles.KeepOneAdmin);
        var before = member.Role;
        db.Members.Remove(member);
        db.Members.Add(new Member(Guid.NewGuid(), organisationId, request.UserId, request.Role));
        var user = await db.Users.SingleAsync(u => u.Id == request.UserId, ct);
        user.RenewSecurityStamp();
        await new AuditLog(db, clock).AppendAsync(organisationId, null, actor.Email, "member.role-changed",
            new { user = user.Email, before = KebabCase<Role>.ToId(before), after = KebabCase<Role>.ToId(request.Role) }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Role>.Ok(request.Role);
    }
}
