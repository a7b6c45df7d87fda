using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>Every open task of the organisation across the incidents the actor may see: due ones first, soonest first.</summary>
public sealed class OpenTasks(ComplianceDbContext db, IClock clock)
{
    public async Task<IReadOnlyList<(IncidentTask Task, Incident Incident)>> ListAsync(Actor actor, CancellationToken ct = default) =>
        Visible(actor, await ListOrganisationAsync(actor.OrganisationId, ct), clock.GetCurrentInstant());

    /// <summary>Every open task of the organisation, due ones first, whoever may see it (filter with <see cref="Visible"/>).</summary>
    public async Task<IReadOnlyList<(IncidentTask Task, Incident Incident)>> ListOrganisationAsync(Guid organisationId, CancellationToken ct = default)
    {
        db.OrganisationScope = organisationId;
        var rows = await (from t in db.IncidentTasks.AsNoTrackingWithIdentityResolution()
                          join i in db.Incidents on t.IncidentId equals i.Id
                          where t.State == TaskState.Open || t.State == TaskState.InProgress
                          select new { t, i }).ToListAsync(ct);
        return rows.OrderBy(r => r.t.DueAt is null).ThenBy(r => r.t.DueAt).ThenBy(r => r.i.Reference, StringComparer.Ordinal).ThenBy(r => r.t.CreatedAt)
            .Select(r => (r.t, r.i)).ToList();
    }

    /// <summary>The tasks of incidents this actor may see (a responder sees one incident, until their access ends).</summary>
    public static IReadOnlyList<(IncidentTask Task, Incident Incident)> Visible(Actor actor, IReadOnlyList<(IncidentTask Task, Incident Incident)> tasks, Instant now) =>
        tasks.Where(t => Permissions.CanSee(actor, t.Incident.Id, now)).ToList();
}
