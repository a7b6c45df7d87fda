using Compliance.Domain.Audit;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Members;

/// <summary>
/// Adds a person to the organisation, from the members page (an invitation: they choose their password by mail) or
/// the command line (with a password, and for a responder one incident until an expiry). An existing account is reused.
/// </summary>
public sealed class AddMember(ComplianceDbContext db, IClock clock)
{
    public const int MinimumPasswordLength = 12;

    public sealed record Request(string Email, string? Name, Role Role, Guid? IncidentId = null, Instant? ExpiresAt = null, string? Password = null);

    public sealed record Added(User User, bool NewAccount, string OrganisationName);

    public async Task<Outcome<Added>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, now)) return Outcome<Added>.Forbidden();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == actor.OrganisationId, ct);
        if (org is null) return Outcome<Added>.NotFound();
        var email = request.Email.Trim();
        if (await ProblemAsync(request, email, org.Id, now, ct) is { } problem) return Outcome<Added>.Invalid(problem.Field, problem.Message);

        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        var incidentId = request.Role == Role.Responder ? request.IncidentId : null;
        if (user is not null && await db.Members.AnyAsync(m => m.OrganisationId == org.Id && m.UserId == user.Id && m.IncidentId == incidentId, ct))
            return Outcome<Added>.Invalid("email", $"{email} is already a member; change their role instead.");
        var isNew = user is null;
        user ??= new User(Guid.NewGuid(), email, string.IsNullOrWhiteSpace(request.Name) ? email : request.Name.Trim(), now);
        if (isNew) db.Users.Add(user);
        if (request.Password is { } password)
        {
            user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
            user.RenewSecurityStamp();
        }
        var expires = incidentId is null ? null : request.ExpiresAt;
        db.Members.Add(new Member(Guid.NewGuid(), org.Id, user.Id, request.Role, incidentId, expires));
        await new AuditLog(db, clock).AppendAsync(org.Id, incidentId, actor.Email, "member.added",
            new { user = email, role = KebabCase<Role>.ToId(request.Role), invited = isNew && request.Password is null, incident = incidentId, expires = expires?.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Added>.Ok(new Added(user, isNew, org.Name));
    }

    private async Task<(string Field, string Message)?> ProblemAsync(Request request, string email, Guid organisationId, Instant now, CancellationToken ct)
    {
        if (!EmailAddress.IsValid(email)) return ("email", $"'{email}' is not an email address.");
        if (request.Role == Role.Responder)
        {
            if (request.IncidentId is not { } incident || request.ExpiresAt is not { } expires) return ("role", MemberRoles.ChooseRole);
            if (expires <= now) return ("expiresAt", "The expiry must be a future instant.");
            if (!await db.Incidents.AnyAsync(i => i.Id == incident && i.OrganisationId == organisationId, ct)) return ("incidentId", "That is not an incident of this organisation.");
        }
        else if (!MemberRoles.Invitable.Contains(request.Role)) return ("role", MemberRoles.ChooseRole);
        if (request.Name is not null && PlainText.Problem(request.Name.Trim(), PlainText.Line) is { } badName) return ("name", $"The name {badName}");
        if (request.Password is { Length: < MinimumPasswordLength })
            return ("password", $"The password must be at least {MinimumPasswordLength} characters.");
        return null;
    }
}
