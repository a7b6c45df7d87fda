using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Organisations;

/// <summary>The roles an admin gives members (a responder is a guest on one incident, with an expiry), and the one-admin rule.</summary>
public static class MemberRoles
{
    public static readonly IReadOnlyList<Role> Invitable = [Role.Admin, Role.SecurityLead, Role.Legal, Role.Viewer];

    public const string ChooseRole = "Choose a role: admin, security lead, legal or viewer.";
    public const string KeepOneAdmin = "The organisation needs at least one admin: make someone else admin first.";
    public const string NotAMember = "That person is not a member.";

    /// <summary>
    /// A change of membership that must leave the organisation an admin, made in one transaction that holds the
    /// organisation's audit head from before the check (<see cref="IsLastAdminAsync"/>) to the commit. Without it two
    /// admins demoting or removing each other at the same moment each saw two admins, and both changes landed: the
    /// organisation had none left. The second now reads the first's change and is refused. Committed only when it succeeds.
    /// </summary>
    public static async Task<Outcome<T>> KeepingAnAdminAsync<T>(ComplianceDbContext db, Guid organisationId, Func<Task<Outcome<T>>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditAppend.HoldHeadAsync(db, organisationId, ct);
        var outcome = await change();
        if (outcome.IsOk) await transaction.CommitAsync(ct);
        return outcome;
    }

    /// <summary>Whether this person is the organisation's only admin (an organisation always keeps at least one).</summary>
    public static async Task<bool> IsLastAdminAsync(ComplianceDbContext db, Guid organisationId, Guid userId, CancellationToken ct)
    {
        var admins = await db.Members.Where(m => m.OrganisationId == organisationId && m.Role == Role.Admin).Select(m => m.UserId).Distinct().ToListAsync(ct);
        return admins.Count == 1 && admins[0] == userId;
    }
}
