using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Risk;
using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>
/// What the incident page shows: the incident and its organisation, every duty (superseded ones too, for the
/// history), the audit lines that explain the changes, the timeline, the names of the evidence files, the tasks with
/// their owners' names, the last confirmed risk assessment, and what the rules decided for each regime ("Why no duty
/// here?", worked out from the facts as read). Read without tracking and shared between views: nothing may change
/// these objects.
/// </summary>
public sealed record IncidentDetails(Incident Incident, Organisation Organisation, IReadOnlyList<Obligation> Duties,
    IReadOnlyList<AuditEntry> Audit, IReadOnlyList<TimelineEvent> Timeline, IReadOnlyDictionary<Guid, string> EvidenceNames,
    IReadOnlyList<IncidentTask> Tasks, IReadOnlyDictionary<Guid, string> TaskOwners, RiskAssessment? RiskAssessment,
    IReadOnlyList<Obligations.WhyNoDutyView.Jurisdiction> WhyNoDuty);

/// <summary>
/// The incident page's reads of one incident, kept with the organisation's audit head they were read at (see
/// <see cref="Shared.AuditHeadCache{T}"/>): an unchanged incident is read once per change, not once per view. Every
/// change the page shows (facts, status, duties and their filings, timeline, tasks, risk) is audited.
/// </summary>
public sealed class IncidentSnapshots(IClock clock)
{
    public static readonly Duration MaxAge = Shared.AuditHeadCache<IncidentDetails>.MaxAge;
    public const int Capacity = 1_000;

    private readonly Shared.AuditHeadCache<IncidentDetails> cache = new(clock, Capacity);

    /// <summary>The details kept for this incident of this organisation at this audit head, if they are fresh.</summary>
    public IncidentDetails? Find(Guid organisationId, Guid incidentId, long sequence) => cache.Find(incidentId, organisationId, sequence);

    /// <param name="sequence">The organisation's audit head, read before the details (so they are never older than it).</param>
    public void Keep(Guid organisationId, Guid incidentId, long sequence, Instant readAt, IncidentDetails details) =>
        cache.Keep(incidentId, organisationId, sequence, readAt, details);

    /// <summary>The details kept for an incident, current or not; null when none are.</summary>
    public IncidentDetails? Kept(Guid incidentId) => cache.Kept(incidentId);

    /// <summary>How many incidents are kept.</summary>
    public int Count => cache.Count;
}

/// <summary>Reads <see cref="IncidentDetails"/> for someone who may read the incident.</summary>
public sealed class IncidentDetailsQuery(ComplianceDbContext db, IncidentSnapshots snapshots, Shared.OrganisationFrame organisations,
    Compliance.Domain.Rules.Engine.RulesEngine engine, IClock clock)
{
    public async Task<Outcome<IncidentDetails>> ReadAsync(Actor actor, Guid incidentId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        db.OrganisationScope = actor.OrganisationId;
        // Asked before anything is read, as IncidentAccess does: another organisation's incident, or one a responder is
        // not on, is not found; a role that may not read it is forbidden.
        if (!Permissions.CanSee(actor, incidentId, now)) return Outcome<IncidentDetails>.NotFound();
        var sequence = (await organisations.OfAsync(actor.OrganisationId, ct)).AuditSequence;
        var details = snapshots.Find(actor.OrganisationId, incidentId, sequence);
        if (details is null)
        {
            details = await ReadFromDatabaseAsync(actor.OrganisationId, incidentId, ct);
            if (details is null) return Outcome<IncidentDetails>.NotFound();
            snapshots.Keep(actor.OrganisationId, incidentId, sequence, now, details);
        }
        return Permissions.Allows(actor, Operation.ReadIncident, incidentId, now) ? Outcome<IncidentDetails>.Ok(details) : Outcome<IncidentDetails>.Forbidden();
    }

    private async Task<IncidentDetails?> ReadFromDatabaseAsync(Guid organisationId, Guid incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Affected).SingleOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null || incident.OrganisationId != organisationId) return null;
        var duties = IncidentDuties.Ordered(await db.Obligations.AsNoTracking().Where(o => o.IncidentId == incidentId).ToListAsync(ct));
        var audit = await DutyHistoryLinesAsync(incidentId, duties, ct);
        var timeline = await IncidentTimeline.Of(db.TimelineEvents.AsNoTracking(), incidentId).ToListAsync(ct);
        var evidence = await EvidenceNamesAsync(duties, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, ct);
        var tasks = IncidentTaskQuery.Ordered(await db.IncidentTasks.AsNoTracking().Where(t => t.IncidentId == incidentId).ToListAsync(ct)).ToList();
        IReadOnlyDictionary<Guid, string> owners = tasks.Any(t => t.OwnerUserId is not null)
            ? (await new TaskOwners(db, clock).ListAsync(organisationId, ct)).ToDictionary(o => o.UserId, o => o.Shown)
            : new Dictionary<Guid, string>();
        var risk = await RiskAssessmentQuery.LastConfirmedAsync(db, incidentId, ct);
        var whyNoDuty = Obligations.WhyNoDutyView.Explain(incident, organisation, engine, duties.Where(d => d.Status != ObligationStatus.Superseded).ToList());
        return new IncidentDetails(incident, organisation, duties, audit, timeline, evidence, tasks, owners, risk, whyNoDuty);
    }

    /// <summary>
    /// The audit lines <see cref="DutyHistory"/> explains replaced duties with, and only those: an incident's log also
    /// holds a line for every reading of its people, which grows with use, not with what happened.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> DutyHistoryLinesAsync(Guid incidentId, IReadOnlyList<Obligation> duties, CancellationToken ct)
    {
        if (!duties.Any(o => o.Status == ObligationStatus.Superseded)) return [];
        return await db.AuditEntries.AsNoTracking().Where(e => e.IncidentId == incidentId && DutyHistory.Actions.Contains(e.Action))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> EvidenceNamesAsync(IReadOnlyList<Obligation> duties, CancellationToken ct) =>
        duties.Any(o => o.EvidenceFileId is not null) ? await new DutyEvidence(db, clock).NamesAsync(duties, ct) : new Dictionary<Guid, string>();
}
