using System.Collections.Concurrent;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Dashboard;

/// <summary>What the dashboard shows of one organisation, read at one point of its audit log.</summary>
public sealed record DashboardSnapshot(
    long AuditSequence,
    Instant ReadAt,
    IReadOnlyList<(Obligation Obligation, Incident Incident)> Duties,
    IReadOnlyList<(IncidentTask Task, Incident Incident)> Tasks,
    IReadOnlyDictionary<Guid, string> Owners);

/// <summary>
/// The dashboard's reads of an organisation (open duties, open tasks, the names of task owners), read once per change
/// of the organisation instead of once per view. Every change to duties, tasks, incidents and members appends to the
/// organisation's audit log in the transaction that makes it, so the audit head (its last sequence number) moves with
/// every change. Each view reads that one row first: a snapshot read at the same sequence is still what the database
/// holds, on this node or any other, and anything else is read again. Snapshots are also read again after
/// <see cref="MaxAge"/>, which bounds anything that changes without an audit line (a member renaming themselves).
/// Snapshots hold no affected person's data; the objects in them are shared between views and never changed.
/// </summary>
public sealed class DashboardSnapshots(IClock clock)
{
    public static readonly Duration MaxAge = Duration.FromMinutes(1);
    private const int MaxOrganisations = 5_000;

    private readonly ConcurrentDictionary<Guid, DashboardSnapshot> snapshots = new();

    /// <summary>The snapshot kept for an organisation, current or not; null when none is.</summary>
    public DashboardSnapshot? Kept(Guid organisationId) => snapshots.GetValueOrDefault(organisationId);

    /// <param name="sequence">The organisation's audit head, read before anything this reads (a change landing after it makes the data newer than the sequence, never older).</param>
    public async Task<DashboardSnapshot> ReadAsync(ComplianceDbContext db, Guid organisationId, long sequence, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (snapshots.TryGetValue(organisationId, out var kept) && kept.AuditSequence == sequence && now - kept.ReadAt < MaxAge)
            return kept;

        var duties = await new OpenDuties(db, clock).ReadOrganisationAsync(organisationId, ct);
        var tasks = await new OpenTasks(db, clock).ListOrganisationAsync(organisationId, ct);
        var owners = (await new TaskOwners(db, clock).ListAsync(organisationId, ct)).ToDictionary(o => o.UserId, o => o.Shown);
        var snapshot = new DashboardSnapshot(sequence, now, duties, tasks, owners);
        if (snapshots.Count >= MaxOrganisations) snapshots.Clear();   // a bound, not a policy: busy sections read again once
        snapshots[organisationId] = snapshot;
        return snapshot;
    }
}

/// <summary>The dashboard as one member sees it: the organisation's snapshot, less the incidents they may not see.</summary>
public sealed class DashboardQuery(ComplianceDbContext db, DashboardSnapshots snapshots, Shared.OrganisationFrame organisations, IClock clock)
{
    public async Task<DashboardSnapshot> ReadAsync(Domain.Workspace.Actor actor, CancellationToken ct)
    {
        // The audit head as this request first read it (with the membership), before any of the snapshot's data.
        var sequence = (await organisations.OfAsync(actor.OrganisationId, ct)).AuditSequence;
        var snapshot = await snapshots.ReadAsync(db, actor.OrganisationId, sequence, ct);
        var now = clock.GetCurrentInstant();
        return snapshot with { Duties = OpenDuties.Visible(actor, snapshot.Duties, now), Tasks = OpenTasks.Visible(actor, snapshot.Tasks, now) };
    }
}
