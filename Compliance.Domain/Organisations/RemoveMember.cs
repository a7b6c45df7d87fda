using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// Removes a person from the organisation, from the members page or the command line: their tokens there are revoked
/// and every session ends (<see cref="AccessRevocation"/>); the last admin stays.
/// </summary>
public sealed class RemoveMember(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(Guid UserId);

    /// <returns>How many memberships went.</returns>
    public async Task<Outcome<int>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<int>.Forbidden();
        return await MemberRoles.KeepingAnAdminAsync(db, actor.OrganisationId, async () =>
        {
            if (await MemberRoles.IsLastAdminAsync(db, actor.OrganisationId, request.UserId, ct)) return Outcome<int>.Invalid("userId", MemberRoles.KeepOneAdmin);
            var removed = await new AccessRevocation(db, clock).RemoveMemberAsync(actor.OrganisationId, request.UserId, actor.Email, ct);
            return removed == 0 ? Outcome<int>.NotFound() : Outcome<int>.Ok(removed);
        }, ct);
    }
}
