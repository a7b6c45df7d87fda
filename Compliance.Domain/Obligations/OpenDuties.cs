using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>Every open duty of the organisation across the incidents the actor may see, soonest first (open-ended ones last).</summary>
public sealed class OpenDuties(ComplianceDbContext db, IClock clock)
{
    public async Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> ReadAsync(Actor actor, CancellationToken ct = default) =>
        Visible(actor, await ReadOrganisationAsync(actor.OrganisationId, ct), clock.GetCurrentInstant());

    /// <summary>Every open duty of the organisation, soonest first, whoever may see it (filter with <see cref="Visible"/>).</summary>
    public async Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> ReadOrganisationAsync(Guid organisationId, CancellationToken ct = default)
    {
        db.OrganisationScope = organisationId;
        // Read only: not tracked, but one Incident object per incident however many of its duties are open.
        var rows = await (from o in db.Obligations.AsNoTrackingWithIdentityResolution()
                          join i in db.Incidents on o.IncidentId equals i.Id
                          where o.Status == ObligationStatus.Open
                          select new { o, i }).ToListAsync(ct);
        return rows.OrderBy(r => r.o.Deadline is null).ThenBy(r => r.o.Deadline).ThenBy(r => r.o.Jurisdiction, StringComparer.Ordinal)
            .Select(r => (r.o, r.i)).ToList();
    }

    /// <summary>The duties of incidents this actor may see (a responder sees one incident, until their access ends).</summary>
    public static IReadOnlyList<(Obligation Obligation, Incident Incident)> Visible(Actor actor, IReadOnlyList<(Obligation Obligation, Incident Incident)> duties, Instant now) =>
        duties.Where(d => Permissions.CanSee(actor, d.Incident.Id, now)).ToList();
}
