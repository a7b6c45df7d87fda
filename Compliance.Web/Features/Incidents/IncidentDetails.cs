using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Incidents;

/// <summary>
/// What the incident page shows: the incident and its organisation, every duty (superseded ones too, for the
/// history), the audit lines that explain the changes, the timeline, and the names of the evidence files.
/// </summary>
public sealed record IncidentDetails(Incident Incident, Organisation Organisation, IReadOnlyList<Obligation> Duties,
    IReadOnlyList<AuditEntry> Audit, IReadOnlyList<TimelineEvent> Timeline, IReadOnlyDictionary<Guid, string> EvidenceNames);

/// <summary>Reads <see cref="IncidentDetails"/> for someone who may read the incident.</summary>
public sealed class IncidentDetailsQuery(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<IncidentDetails>> ReadAsync(Actor actor, Guid incidentId, CancellationToken ct)
    {
        var found = await new IncidentAccess(db, clock).GetAsync(actor, incidentId, ct);
        if (!found.IsOk) return found.Refusal<IncidentDetails>();
        var incident = found.Value!;
        var duties = (await new IncidentDuties(db, clock).ReadAsync(actor, incidentId, withHistory: true, ct)).Value!;
        var audit = await DutyHistoryLinesAsync(incidentId, duties, ct);
        var timeline = (await new IncidentTimeline(db, clock).ReadAsync(actor, incidentId, ct)).Value!;
        var evidence = await new DutyEvidence(db, clock).NamesAsync(duties, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        return Outcome<IncidentDetails>.Ok(new IncidentDetails(incident, organisation, duties, audit, timeline, evidence));
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
}
