using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>Every open task of the organisation across the incidents the actor may see: due ones first, soonest first.</summary>
public sealed class OpenTasks(ComplianceDbContext db, IClock clock)
{
    public async Task<IReadOnlyList<(IncidentTask Task, Incident Incident)>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        var rows = await (from t in db.IncidentTasks
                          join i in db.Incidents on t.IncidentId equals i.Id
                          where t.State == TaskState.Open || t.State == TaskState.InProgress
                          select new { t, i }).ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        return rows.Where(r => Permissions.CanSee(actor, r.i.Id, now))
            .OrderBy(r => r.t.DueAt is null).ThenBy(r => r.t.DueAt).ThenBy(r => r.i.Reference, StringComparer.Ordinal).ThenBy(r => r.t.CreatedAt)
            .Select(r => (r.t, r.i)).ToList();
    }
}
