using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Dashboard;

/// <summary>What the dashboard shows of one organisation, read at one point of its audit log.</summary>
public sealed record DashboardSnapshot(
    IReadOnlyList<(Obligation Obligation, Incident Incident)> Duties,
    IReadOnlyList<(IncidentTask Task, Incident Incident)> Tasks,
    IReadOnlyDictionary<Guid, string> Owners);

/// <summary>
/// The dashboard's reads of an organisation (open duties, open tasks, the names of task owners), read once per change
/// of the organisation instead of once per view, kept with its audit head (see <see cref="Shared.AuditHeadCache{T}"/>).
/// Snapshots hold no affected person's data.
/// </summary>
public sealed class DashboardSnapshots(IClock clock)
{
    public static readonly Duration MaxAge = Shared.AuditHeadCache<DashboardSnapshot>.MaxAge;
    private const int MaxOrganisations = 5_000;

    private readonly Shared.AuditHeadCache<DashboardSnapshot> cache = new(clock, MaxOrganisations);

    /// <summary>The snapshot kept for an organisation, current or not; null when none is.</summary>
    public DashboardSnapshot? Kept(Guid organisationId) => cache.Kept(organisationId);

    /// <param name="sequence">The organisation's audit head, read before anything this reads (a change landing after it makes the data newer than the sequence, never older).</param>
    public async Task<DashboardSnapshot> ReadAsync(ComplianceDbContext db, Guid organisationId, long sequence, CancellationToken ct)
    {
        if (cache.Find(organisationId, organisationId, sequence) is { } kept) return kept;
        var now = clock.GetCurrentInstant();
        var duties = await new OpenDuties(db, clock).ReadOrganisationAsync(organisationId, ct);
        var tasks = await new OpenTasks(db, clock).ListOrganisationAsync(organisationId, ct);
        var owners = (await new TaskOwners(db, clock).ListAsync(organisationId, ct)).ToDictionary(o => o.UserId, o => o.Shown);
        var snapshot = new DashboardSnapshot(duties, tasks, owners);
        cache.Keep(organisationId, organisationId, sequence, now, snapshot);
        return snapshot;
    }
}

/// <summary>The dashboard as one member sees it: the organisation's snapshot, less the incidents they may not see.</summary>
public sealed class DashboardQuery(ComplianceDbContext db, DashboardSnapshots snapshots, Shared.OrganisationFrame organisations, IClock clock)
{
    public async Task<DashboardSnapshot> ReadAsync(Domain.Workspace.Actor actor, CancellationToken ct)
    {
        var snapshot = await OrganisationAsync(actor, ct);
        var now = clock.GetCurrentInstant();
        return snapshot with { Duties = OpenDuties.Visible(actor, snapshot.Duties, now), Tasks = OpenTasks.Visible(actor, snapshot.Tasks, now) };
    }

    /// <summary>The open duties of the incidents this member may see, from the same snapshot (the incident list's).</summary>
    public async Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> OpenDutiesAsync(Domain.Workspace.Actor actor, CancellationToken ct) =>
        OpenDuties.Visible(actor, (await OrganisationAsync(actor, ct)).Duties, clock.GetCurrentInstant());

    private async Task<DashboardSnapshot> OrganisationAsync(Domain.Workspace.Actor actor, CancellationToken ct)
    {
        // The audit head as this request first read it (with the membership), before any of the snapshot's data.
        var sequence = (await organisations.OfAsync(actor.OrganisationId, ct)).AuditSequence;
        return await snapshots.ReadAsync(db, actor.OrganisationId, sequence, ct);
    }
}
