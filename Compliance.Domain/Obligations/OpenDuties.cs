using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>Every open duty of the organisation across the incidents the actor may see, soonest first (open-ended ones last).</summary>
public sealed class OpenDuties(ComplianceDbContext db, IClock clock)
{
    public async Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> ReadAsync(Actor actor, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        var rows = await (from o in db.Obligations
                          join i in db.Incidents on o.IncidentId equals i.Id
                          where o.Status == ObligationStatus.Open
                          select new { o, i }).ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        return rows.Where(r => Permissions.CanSee(actor, r.i.Id, now))
            .OrderBy(r => r.o.Deadline is null).ThenBy(r => r.o.Deadline).ThenBy(r => r.o.Jurisdiction, StringComparer.Ordinal)
            .Select(r => (r.o, r.i)).ToList();
    }
}
