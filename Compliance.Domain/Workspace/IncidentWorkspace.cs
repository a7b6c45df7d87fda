using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Workspace;

/// <summary>
/// What people do to incidents, for the pages and the API alike: each command checks permission, changes the
/// facts, re-plans the duties, and writes the audit line, in one transaction. Rows of other organisations are
/// invisible (not found), never forbidden.
/// </summary>
public sealed class IncidentWorkspace(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    private AuditLog Audit => new(db, clock);

    private void Scope(Actor actor) => db.OrganisationScope = actor.OrganisationId;

    private bool Allows(Actor actor, Operation operation, Guid? incidentId) =>
        Permissions.Allows(actor, operation, incidentId, clock.GetCurrentInstant());

    public async Task<Outcome<IReadOnlyList<Incident>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Scope(actor);
        var query = db.Incidents.Include(i => i.Affected).AsQueryable();
        if (actor.Role == Role.Responder) query = query.Where(i => i.Id == actor.OnlyIncidentId);
        var list = await query.ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        return Outcome<IReadOnlyList<Incident>>.Ok(list.Where(i => Permissions.CanSee(actor, i.Id, now)).OrderByDescending(i => i.AwareAt).ToList());
    }

    /// <summary>
    /// The incident, when the actor may handle its list of affected people (security leads and legal staff, within
    /// their organisation); otherwise why not (not found, forbidden). Every use of the list asks this first.
    /// </summary>
    public async Task<Outcome<Incident>> PeopleAccessAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await GetAsync(actor, incidentId, ct);
        return !incident.IsOk || Permissions.Allows(actor, Operation.AccessPeople, incidentId, clock.GetCurrentInstant())
            ? incident : Outcome<Incident>.Forbidden();
    }

    /// <summary>Null when the actor may handle the incident's people (see <see cref="PeopleAccessAsync"/>); else the refusal.</summary>
    public async Task<Outcome<T>?> DenyPeopleAccessAsync<T>(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        await PeopleAccessAsync(actor, incidentId, ct) is { IsOk: false } refused ? refused.Refusal<T>() : null;

    public async Task<Outcome<Incident>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var incident = await FindAsync(actor, id, ct);
        if (incident is null) return Outcome<Incident>.NotFound();
        return Allows(actor, Operation.ReadIncident, id) ? Outcome<Incident>.Ok(incident) : Outcome<Incident>.Forbidden();
    }

    public async Task<Outcome<Incident>> CreateAsync(Actor actor, IncidentInput input, CancellationToken ct = default)
    {
        Scope(actor);
        if (!Allows(actor, Operation.CreateIncident, null)) return Outcome<Incident>.Forbidden();
        var now = clock.GetCurrentInstant();
        if (FutureClocks(input, now) is { Count: > 0 } future) return Outcome<Incident>.Invalid(future);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);

        var year = input.AwareAt.InZone(DateTimeZoneProviders.Tzdb[organisation.TimeZone]).Year;
        var prefix = $"INC-{year}-";
        var taken = await db.Incidents.CountAsync(i => i.Reference.StartsWith(prefix), ct);
        var incident = new Incident(Guid.NewGuid(), actor.OrganisationId, $"{prefix}{taken + 1:000}", input.Title, input.AwareAt, now);
        input.ApplyTo(incident);
        db.Incidents.Add(incident);
        await Audit.AppendAsync(actor.OrganisationId, incident.Id, actor.Email, "incident.created", IncidentInput.ToJson(incident), ct);
        await new ObligationPlanner(db, engine, Audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        await Tasks.IncidentTasks.StartFromTemplateAsync(db, Audit, incident, organisation, actor.Email, clock, ct);
        return await SaveAsync(incident, ct);
    }

    public async Task<Outcome<Incident>> UpdateAsync(Actor actor, Guid id, IncidentInput input, int? expectedVersion, CancellationToken ct = default)
    {
        var incident = await FindAsync(actor, id, ct);
        if (incident is null) return Outcome<Incident>.NotFound();
        if (!Allows(actor, Operation.EditIncident, id)) return Outcome<Incident>.Forbidden();
        if (expectedVersion is { } v && v != incident.Version)
            return Outcome<Incident>.Conflict($"Someone else changed this incident (version {incident.Version}, you edited {v}); reload and apply your change again.");

        if (FutureClocks(input, clock.GetCurrentInstant()) is { Count: > 0 } future) return Outcome<Incident>.Invalid(future);
        var changes = input.ApplyTo(incident);
        if (changes.Count == 0) return Outcome<Incident>.Ok(incident);
        incident.Version++;
        incident.UpdatedAt = clock.GetCurrentInstant();
        await Audit.AppendAsync(actor.OrganisationId, id, actor.Email, "incident.updated", new { changes }, ct);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        await new ObligationPlanner(db, engine, Audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        return await SaveAsync(incident, ct);
    }

    public async Task<Outcome<Incident>> SetStatusAsync(Actor actor, Guid id, IncidentStatus status, CancellationToken ct = default)
    {
        var incident = await FindAsync(actor, id, ct);
        if (incident is null) return Outcome<Incident>.NotFound();
        if (!Allows(actor, Operation.EditIncident, id)) return Outcome<Incident>.Forbidden();
        if (incident.Status == status) return Outcome<Incident>.Ok(incident);
        if (status == IncidentStatus.Closed)
        {
            var undecided = await db.Obligations.CountAsync(o => o.IncidentId == id && o.Mandatory && o.Status == ObligationStatus.Open, ct);
            if (undecided > 0)
                return Outcome<Incident>.Invalid("status", $"{undecided} mandatory duty(ies) are still open: fulfil them or decide they are not required before closing.");
        }
        var before = incident.Status;
        incident.Status = status;
        incident.Version++;
        incident.UpdatedAt = clock.GetCurrentInstant();
        await Audit.AppendAsync(actor.OrganisationId, id, actor.Email, "incident.status-changed",
            new { before = KebabCase<IncidentStatus>.ToId(before), after = KebabCase<IncidentStatus>.ToId(status) }, ct);
        return await SaveAsync(incident, ct);
    }

    /// <summary>
    /// The clocks of a real incident have run already. A day of slack covers a clock entered in a zone ahead of the
    /// server's; anything later is a typo (2031 for 2021) that would put every deadline years away.
    /// </summary>
    private static Dictionary<string, string[]> FutureClocks(IncidentInput input, Instant now)
    {
        var latest = now + Duration.FromDays(1);
        var future = new Dictionary<string, string[]>();
        foreach (var (field, at) in new[] { ("awareAt", (Instant?)input.AwareAt), ("determinedAt", input.DeterminedAt), ("assessedAt", input.AssessedAt),
                     ("occurredFrom", input.OccurredFrom), ("occurredUntil", input.OccurredUntil) })
            if (at > latest) future[field] = ["is in the future; give the time it already happened (check the year)."];
        return future;
    }

    public async Task<Outcome<TimelineEvent>> AddTimelineEventAsync(Actor actor, Guid incidentId, Instant at, string description, CancellationToken ct = default)
    {
        var incident = await FindAsync(actor, incidentId, ct);
        if (incident is null) return Outcome<TimelineEvent>.NotFound();
        if (!Allows(actor, Operation.AddTimelineEvent, incidentId)) return Outcome<TimelineEvent>.Forbidden();
        if (string.IsNullOrWhiteSpace(description)) return Outcome<TimelineEvent>.Invalid("description", "Say what happened.");
        if (PlainText.Problem(description.Trim(), 4000, multiline: true) is { } badDescription) return Outcome<TimelineEvent>.Invalid("description", badDescription);
        var entry = new TimelineEvent(Guid.NewGuid(), actor.OrganisationId, incidentId, at, description.Trim(), actor.Email, clock.GetCurrentInstant());
        db.TimelineEvents.Add(entry);
        await Audit.AppendAsync(actor.OrganisationId, incidentId, actor.Email, "timeline.added", new { entry.Id, at = at.ToString(), entry.Description }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<TimelineEvent>.Ok(entry);
    }

    public async Task<Outcome<IReadOnlyList<TimelineEvent>>> TimelineAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<TimelineEvent>>();
        return Outcome<IReadOnlyList<TimelineEvent>>.Ok(await db.TimelineEvents.Where(t => t.IncidentId == incidentId).OrderBy(t => t.At).ToListAsync(ct));
    }

    /// <summary>The incident's duties; with history, superseded ones too (what changed and when).</summary>
    public async Task<Outcome<IReadOnlyList<Obligation>>> ObligationsAsync(Actor actor, Guid incidentId, bool withHistory, CancellationToken ct = default)
    {
        var incident = await GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<Obligation>>();
        var query = db.Obligations.Where(o => o.IncidentId == incidentId);
        if (!withHistory) query = query.Where(o => o.Status != ObligationStatus.Superseded);
        var list = await query.ToListAsync(ct);
        return Outcome<IReadOnlyList<Obligation>>.Ok(list.OrderBy(o => o.Deadline is null).ThenBy(o => o.Deadline).ThenBy(o => o.Jurisdiction, StringComparer.Ordinal).ThenBy(o => o.CreatedAt).ToList());
    }

    public async Task<Outcome<Obligation>> DecideNotRequiredAsync(Actor actor, Guid obligationId, string rationale, CancellationToken ct = default)
    {
        var (obligation, problem) = await FindObligationAsync(actor, obligationId, Operation.DecideObligation, ct);
        if (obligation is null) return problem!;
        if (string.IsNullOrWhiteSpace(rationale) || rationale.Trim().Length < 10)
            return Outcome<Obligation>.Invalid("rationale", "Explain why this duty is not required (at least 10 characters); regulators ask for the reasoning.");
        if (PlainText.Problem(rationale.Trim(), 2000, multiline: true) is { } badRationale) return Outcome<Obligation>.Invalid("rationale", badRationale);
        if (obligation.Status == ObligationStatus.Superseded)
            return Outcome<Obligation>.Conflict("This duty was replaced after the facts changed; decide on the current one.");
        if (obligation.Status == ObligationStatus.Done)
            return Outcome<Obligation>.Conflict("This duty was already fulfilled.");
        obligation.DecideNotRequired(clock.GetCurrentInstant(), actor.Email, rationale.Trim());
        await Audit.AppendAsync(actor.OrganisationId, obligation.IncidentId, actor.Email, "obligation.decided",
            new { obligation.Id, obligation.RuleId, obligation.Jurisdiction, decision = "not-required", rationale = rationale.Trim() }, ct);
        await db.SaveChangesAsync(ct);
        await SyncRemindersAsync(actor.OrganisationId, obligation.IncidentId, ct);
        return Outcome<Obligation>.Ok(obligation);
    }

    public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content);

    public async Task<Outcome<Obligation>> FulfilAsync(Actor actor, Guid obligationId, Instant filedAt, string reference, EvidenceUpload? evidence, CancellationToken ct = default)
    {
        var (obligation, problem) = await FindObligationAsync(actor, obligationId, Operation.FulfilObligation, ct);
        if (obligation is null) return problem!;
        var now = clock.GetCurrentInstant();
        if (obligation.Status == ObligationStatus.Superseded)
            return Outcome<Obligation>.Conflict("This duty was replaced after the facts changed; record the filing on the current one.");
        if (filedAt > now + Duration.FromMinutes(5)) return Outcome<Obligation>.Invalid("filedAt", "is in the future; record a filing once it is made.");
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 256)
            return Outcome<Obligation>.Invalid("reference", "Give the reference the authority returned, or how the people were told (up to 256 characters).");
        if (PlainText.Problem(reference.Trim(), 256) is { } badReference) return Outcome<Obligation>.Invalid("reference", badReference);
        if (evidence is { Content.Length: > EvidenceFile.MaxBytes })
            return Outcome<Obligation>.Invalid("evidence", $"is larger than {EvidenceFile.MaxBytes / 1024 / 1024} MiB.");

        Guid? evidenceId = null;
        if (evidence is { Content.Length: > 0 })
        {
            var file = new EvidenceFile(Guid.NewGuid(), actor.OrganisationId, obligation.Id, Path.GetFileName(evidence.FileName),
                evidence.ContentType, evidence.Content, actor.Email, now);
            db.EvidenceFiles.Add(file);
            evidenceId = file.Id;
        }
        obligation.RecordFiling(filedAt, actor.Email, reference.Trim(), evidenceId);
        await Audit.AppendAsync(actor.OrganisationId, obligation.IncidentId, actor.Email, "obligation.fulfilled",
            new { obligation.Id, obligation.RuleId, obligation.Jurisdiction, filedAt = filedAt.ToString(), reference = reference.Trim(), late = obligation.WasLate, evidence = evidenceId }, ct);

        // Duties that count from this one (an AG copy "15 days after notifying people") now count from the real date.
        var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == obligation.IncidentId, ct);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        await new ObligationPlanner(db, engine, Audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        await db.SaveChangesAsync(ct);
        await SyncRemindersAsync(actor.OrganisationId, obligation.IncidentId, ct);
        return Outcome<Obligation>.Ok(obligation);
    }

    public async Task<Outcome<EvidenceFile>> EvidenceAsync(Actor actor, Guid evidenceId, CancellationToken ct = default)
    {
        Scope(actor);
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        // A task's evidence is read through its task (IncidentTasks.EvidenceAsync).
        if (file?.ObligationId is not { } obligationId) return Outcome<EvidenceFile>.NotFound();
        var (obligation, problem) = await FindObligationAsync(actor, obligationId, Operation.ReadIncident, ct);
        return obligation is null ? problem!.Refusal<EvidenceFile>() : Outcome<EvidenceFile>.Ok(file);
    }

    public async Task<Outcome<IReadOnlyList<AuditEntry>>> AuditAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<AuditEntry>>();
        return Outcome<IReadOnlyList<AuditEntry>>.Ok(await db.AuditEntries.Where(e => e.IncidentId == incidentId).OrderBy(e => e.Sequence).ToListAsync(ct));
    }

    /// <summary>Every open duty of the organisation across its incidents, soonest first (open-ended ones last).</summary>
    public async Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> OpenDutiesAsync(Actor actor, CancellationToken ct = default)
    {
        Scope(actor);
        var rows = await (from o in db.Obligations
                          join i in db.Incidents on o.IncidentId equals i.Id
                          where o.Status == ObligationStatus.Open
                          select new { o, i }).ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        return rows.Where(r => Permissions.CanSee(actor, r.i.Id, now))
            .OrderBy(r => r.o.Deadline is null).ThenBy(r => r.o.Deadline).ThenBy(r => r.o.Jurisdiction, StringComparer.Ordinal)
            .Select(r => (r.o, r.i)).ToList();
    }

    /// <summary>Moves, adds or cancels the incident's unsent reminders at once (the sweep would also do it on its next run).</summary>
    private async Task SyncRemindersAsync(Guid organisationId, Guid incidentId, CancellationToken ct)
    {
        await new ReminderPlanner(db, clock).SyncAsync(organisationId, incidentId, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Incident?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        Scope(actor);
        if (!Permissions.CanSee(actor, id, clock.GetCurrentInstant())) return null;
        // A request asks for its incident several times (access check, duties, timeline...): a query would hand back the
        // tracked instance anyway, without refreshing it, so reuse it when it was loaded whole for this organisation.
        if (db.Incidents.Local.FindEntry(id) is { State: not EntityState.Deleted } tracked && tracked.Entity.OrganisationId == actor.OrganisationId
            && tracked.Collection(i => i.Affected).IsLoaded)
            return tracked.Entity;
        return await db.Incidents.Include(i => i.Affected).SingleOrDefaultAsync(i => i.Id == id, ct);
    }

    private async Task<(Obligation?, Outcome<Obligation>?)> FindObligationAsync(Actor actor, Guid obligationId, Operation operation, CancellationToken ct)
    {
        Scope(actor);
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == obligationId, ct);
        if (obligation is null || !Permissions.CanSee(actor, obligation.IncidentId, clock.GetCurrentInstant()))
            return (null, Outcome<Obligation>.NotFound());
        if (!Allows(actor, operation, obligation.IncidentId)) return (null, Outcome<Obligation>.Forbidden());
        return (obligation, null);
    }

    private async Task<Outcome<Incident>> SaveAsync(Incident incident, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await SyncRemindersAsync(incident.OrganisationId, incident.Id, ct);
            return Outcome<Incident>.Ok(incident);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Incident>.Conflict("Someone else changed this incident at the same time; reload and apply your change again.");
        }
    }
}
