using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Organisations;

/// <summary>The roles an admin gives members (a responder is a guest on one incident, with an expiry), and the one-admin rule.</summary>
public static class MemberRoles
{
    public static readonly IReadOnlyList<Role> Invitable = [Role.Admin, Role.SecurityLead, Role.Legal, Role.Viewer];

    public const string ChooseRole = "Choose a role: admin, security lead, legal or viewer.";
    public const string KeepOneAdmin = "The organisation needs at least one admin: make someone else admin first.";
    public const string NotAMember = "That person is not a member.";

    /// <summary>Whether this person is the organisation's only admin (an organisation always keeps at least one).</summary>
    public static async Task<bool> IsLastAdminAsync(ComplianceDbContext db, Guid organisationId, Guid userId, CancellationToken ct)
    {
        var admins = await db.Members.Where(m => m.OrganisationId == organisationId && m.Role == Role.Admin).Select(m => m.UserId).Distinct().ToListAsync(ct);
        return admins.Count == 1 && admins[0] == userId;
    }
}
