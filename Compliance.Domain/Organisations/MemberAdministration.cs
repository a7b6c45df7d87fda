using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// An organisation's admin managing its people: invite, change a role, reset a lost two-factor device, remove (via
/// <see cref="AccessRevocation"/>). Each step is audited, and an organisation always keeps at least one admin.
/// Responders (one incident, with an expiry) are added on the command line.
/// </summary>
public sealed class MemberAdministration(ComplianceDbContext db, IClock clock)
{
    public sealed record Invited(User User, bool NewAccount);

    public static readonly IReadOnlyList<Role> InvitableRoles = [Role.Admin, Role.SecurityLead, Role.Legal, Role.Viewer];

    public async Task<(Invited? Result, string? Problem)> InviteAsync(Guid organisationId, string email, string? name, Role role, string by, CancellationToken ct = default)
    {
        email = email.Trim();
        if (!IsEmail(email)) return (null, $"'{email}' is not an email address.");
        if (!InvitableRoles.Contains(role)) return (null, "Choose a role: admin, security lead, legal or viewer.");
        if (name is not null && PlainText.Problem(name.Trim(), PlainText.Line) is { } badName) return (null, $"The name {badName}");
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is not null && await db.Members.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == user.Id, ct))
            return (null, $"{email} is already a member; change their role instead.");
        var isNew = user is null;
        user ??= new User(Guid.NewGuid(), email, string.IsNullOrWhiteSpace(name) ? email : name.Trim(), clock.GetCurrentInstant());
        if (isNew) db.Users.Add(user);
        db.Members.Add(new Member(Guid.NewGuid(), organisationId, user.Id, role));
        await new AuditLog(db, clock).AppendAsync(organisationId, null, by, "member.added", new { user = email, role = KebabCase<Role>.ToId(role), invited = isNew }, ct);
        await db.SaveChangesAsync(ct);
        return (new Invited(user, isNew), null);
    }

    public async Task<string?> ChangeRoleAsync(Guid organisationId, Guid userId, Role role, string by, CancellationToken ct = default)
    {
        if (!InvitableRoles.Contains(role)) return "Choose a role: admin, security lead, legal or viewer.";
        var member = await db.Members.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == userId && m.IncidentId == null, ct);
        if (member is null) return "That person is not a member.";
        if (member.Role == role) return null;
        if (member.Role == Role.Admin && await IsLastAdminAsync(organisationId, userId, ct)) return "The organisation needs at least one admin: make someone else admin first.";
        var before = member.Role;
        db.Members.Remove(member);
        db.Members.Add(new Member(Guid.NewGuid(), organisationId, userId, role));
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.RenewSecurityStamp(); // sessions carry the role: they start again with the new one
        await new AuditLog(db, clock).AppendAsync(organisationId, null, by, "member.role-changed",
            new { user = user.Email, before = KebabCase<Role>.ToId(before), after = KebabCase<Role>.ToId(role) }, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// A lost phone or key: two-factor sign-in is turned off (the authenticator app, the recovery codes and every
    /// passkey or security key) and every session ends; the person sets it up again.
    /// </summary>
    public async Task<string?> ResetTwoFactorAsync(Guid organisationId, Guid userId, string by, CancellationToken ct = default)
    {
        if (!await db.Members.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId, ct)) return "That person is not a member.";
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.TwoFactorEnabled = false;
        user.ProtectedAuthenticatorKey = null;
        user.RecoveryCodeHashes = null;
        var keys = await db.SecurityKeys.Where(k => k.UserId == userId).ToListAsync(ct);
        db.SecurityKeys.RemoveRange(keys);
        user.RenewSecurityStamp();
        await new AuditLog(db, clock).AppendAsync(organisationId, null, by, "member.2fa-reset", new { user = user.Email, keysRemoved = keys.Count }, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> RemoveAsync(Guid organisationId, Guid userId, string by, CancellationToken ct = default)
    {
        if (await IsLastAdminAsync(organisationId, userId, ct)) return "The organisation needs at least one admin: make someone else admin first.";
        return await new AccessRevocation(db, clock).RemoveMemberAsync(organisationId, userId, by, ct) == 0 ? "That person is not a member." : null;
    }

    private async Task<bool> IsLastAdminAsync(Guid organisationId, Guid userId, CancellationToken ct)
    {
        var admins = await db.Members.Where(m => m.OrganisationId == organisationId && m.Role == Role.Admin).Select(m => m.UserId).Distinct().ToListAsync(ct);
        return admins.Count == 1 && admins[0] == userId;
    }

    private static bool IsEmail(string text) => EmailAddress.IsValid(text);
}
