using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Shared;

/// <summary>
/// What every workspace request needs of the person's organisation (its sign-in rules, its zone, how far its audit
/// log has come), read once per request, with the membership (<see cref="Account.CurrentActor"/>): the workspace
/// filter asks for the rules, the page for the zone, the dashboard for the audit head, a round trip each before.
/// </summary>
public sealed class OrganisationFrame(ComplianceDbContext db)
{
    /// <param name="AuditSequence">The organisation's last audit sequence number when read (0 before its first line).</param>
    public sealed record Facts(bool RequireTwoFactor, bool RequirePhishingResistant, string TimeZone, long AuditSequence);

    private (Guid Id, Facts Facts)? read;

    public async Task<Facts> OfAsync(Guid organisationId, CancellationToken ct)
    {
        if (read is { } known && known.Id == organisationId) return known.Facts;
        var facts = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new Facts(o.RequireTwoFactor, o.RequirePhishingResistant, o.TimeZone,
                db.AuditHeads.Where(h => h.OrganisationId == o.Id).Select(h => (long?)h.LastSequence).FirstOrDefault() ?? 0)).SingleAsync(ct);
        read = (organisationId, facts);
        return facts;
    }

    /// <summary>Keeps facts read together with something else in this request.</summary>
    public void Prime(Guid organisationId, Facts facts) => read = (organisationId, facts);
}
