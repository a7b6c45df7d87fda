using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Members;

/// <summary>The organisation's people as an admin sees them: role (a responder's incident and expiry), second factor, invited or not.</summary>
public sealed class MemberList(ComplianceDbContext db, IClock clock)
{
    public sealed record Row(Guid UserId, string Email, string Name, Role Role, string? Incident, Instant? Until, bool TwoFactor, bool PasswordSet,
        Guid? IncidentId = null);

    /// <summary>The list for an admin (the members page and the API): anyone else is refused.</summary>
    public async Task<Outcome<IReadOnlyList<Row>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())
            ? Outcome<IReadOnlyList<Row>>.Ok(await ListAsync(actor.OrganisationId, ct))
            : Outcome<IReadOnlyList<Row>>.Forbidden();

    public async Task<IReadOnlyList<Row>> ListAsync(Guid organisationId, CancellationToken ct = default)
    {
        var rows = await (from m in db.Members
                          join u in db.Users on m.UserId equals u.Id
                          where m.OrganisationId == organisationId
                          select new { u.Id, u.Email, u.DisplayName, m.Role, m.IncidentId, m.ExpiresAt, u.TwoFactorEnabled, HasKey = db.SecurityKeys.Any(k => k.UserId == u.Id), HasPassword = u.PasswordHash != null })
            .ToListAsync(ct);
        var ids = rows.Where(r => r.IncidentId is not null).Select(r => r.IncidentId!.Value).ToList();
        var references = await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, ct);
        return rows.OrderBy(r => r.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new Row(r.Id, r.Email, r.DisplayName, r.Role, r.IncidentId is { } i ? references.GetValueOrDefault(i) : null, r.ExpiresAt,
                r.TwoFactorEnabled || r.HasKey, r.HasPassword, r.IncidentId)) // a key is a second factor too (UserStore.GetTwoFactorEnabledAsync)
            .ToList();
    }
}
