using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>
/// Who may see which incident, asked in one place: rows of other organisations (and, for a responder, other
/// incidents) are invisible (not found), never forbidden; a role that may not act is forbidden.
/// </summary>
public sealed class IncidentAccess(ComplianceDbContext db, IClock clock)
{
    public bool Allows(Actor actor, Operation operation, Guid? incidentId) =>
        Permissions.Allows(actor, operation, incidentId, clock.GetCurrentInstant());

    /// <summary>The organisation's incidents the actor may see, most recent awareness first.</summary>
    public async Task<Outcome<IReadOnlyList<Incident>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        var query = db.Incidents.Include(i => i.Affected).AsQueryable();
        if (actor.Role == Role.Responder) query = query.Where(i => i.Id == actor.OnlyIncidentId);
        var list = await query.ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        return Outcome<IReadOnlyList<Incident>>.Ok(list.Where(i => Permissions.CanSee(actor, i.Id, now)).OrderByDescending(i => i.AwareAt).ToList());
    }

    public async Task<Outcome<Incident>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var incident = await FindAsync(actor, id, ct);
        if (incident is null) return Outcome<Incident>.NotFound();
        return Allows(actor, Operation.ReadIncident, id) ? Outcome<Incident>.Ok(incident) : Outcome<Incident>.Forbidden();
    }

    /// <summary>
    /// The incident, when the actor may handle its list of affected people (security leads and legal staff, within
    /// their organisation); otherwise why not (not found, forbidden). Every use of the list asks this first.
    /// </summary>
    public async Task<Outcome<Incident>> PeopleAccessAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await GetAsync(actor, incidentId, ct);
        return !incident.IsOk || Allows(actor, Operation.AccessPeople, incidentId) ? incident : Outcome<Incident>.Forbidden();
    }

    /// <summary>Null when the actor may handle the incident's people (see <see cref="PeopleAccessAsync"/>); else the refusal.</summary>
    public async Task<Outcome<T>?> DenyPeopleAccessAsync<T>(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        await PeopleAccessAsync(actor, incidentId, ct) is { IsOk: false } refused ? refused.Refusal<T>() : null;

    /// <summary>The incident when the actor may see it and may do <paramref name="operation"/> to it; otherwise why not.</summary>
    public async Task<Outcome<Incident>> ForAsync(Actor actor, Guid id, Operation operation, CancellationToken ct = default)
    {
        var incident = await FindAsync(actor, id, ct);
        if (incident is null) return Outcome<Incident>.NotFound();
        return Allows(actor, operation, id) ? Outcome<Incident>.Ok(incident) : Outcome<Incident>.Forbidden();
    }

    /// <summary>The duty when the actor may see its incident and may do <paramref name="operation"/> to it; otherwise why not.</summary>
    public async Task<Outcome<Obligation>> DutyForAsync(Actor actor, Guid obligationId, Operation operation, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == obligationId, ct);
        if (obligation is null || !Permissions.CanSee(actor, obligation.IncidentId, clock.GetCurrentInstant())) return Outcome<Obligation>.NotFound();
        return Allows(actor, operation, obligation.IncidentId) ? Outcome<Obligation>.Ok(obligation) : Outcome<Obligation>.Forbidden();
    }

    private async Task<Incident?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        db.OrganisationScope = actor.OrganisationId;
        if (!Permissions.CanSee(actor, id, clock.GetCurrentInstant())) return null;
        // A request asks for its incident several times (access check, duties, timeline...): a query would hand back the
        // tracked instance anyway, without refreshing it, so reuse it when it was loaded whole for this organisation.
        if (db.Incidents.Local.FindEntry(id) is { State: not EntityState.Deleted } tracked && tracked.Entity.OrganisationId == actor.OrganisationId
            && tracked.Collection(i => i.Affected).IsLoaded)
            return tracked.Entity;
        return await db.Incidents.Include(i => i.Affected).SingleOrDefaultAsync(i => i.Id == id, ct);
    }
}
