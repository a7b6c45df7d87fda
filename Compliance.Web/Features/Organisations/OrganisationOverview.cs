using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Compliance.Web.Features.Organisations;

/// <summary>What the organisation page shows besides the settings: its slug and its members with their second factors.</summary>
public sealed class OrganisationOverview(ComplianceDbContext db)
{
    public sealed record MemberRow(string Email, Role Role, string? IncidentReference, string? Until, bool TwoFactor, int Keys);

    public sealed record View(string Slug, IReadOnlyList<MemberRow> Members);

    public async Task<View> ReadAsync(Guid organisationId, CancellationToken ct = default)
    {
        var slug = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Slug).SingleAsync(ct);
        var rows = await (from m in db.Members
                          join u in db.Users on m.UserId equals u.Id
                          where m.OrganisationId == organisationId
                          select new { u.Email, m.Role, m.IncidentId, m.ExpiresAt, u.TwoFactorEnabled, Keys = db.SecurityKeys.Count(k => k.UserId == u.Id) }).ToListAsync(ct);
        var references = await db.Incidents.Where(i => rows.Select(r => r.IncidentId).Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, ct);
        return new View(slug, rows.OrderBy(r => r.Role).ThenBy(r => r.Email)
            .Select(r => new MemberRow(r.Email, r.Role, r.IncidentId is { } id ? references.GetValueOrDefault(id) : null,
                r.ExpiresAt is { } e ? InstantPattern.General.Format(e) : null, r.TwoFactorEnabled || r.Keys > 0, r.Keys)).ToList());
    }
}
