using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// What people do to an incident's tasks, for the pages and the API alike: each command finds the incident through the
/// workspace (another organisation's is not found), checks the role, changes the task, re-plans its reminders and writes
/// the audit line. Admins and security leads change tasks, a responder those of their incident; legal and viewers read.
/// </summary>
public sealed partial class IncidentTasks(ComplianceDbContext db, IncidentWorkspace workspace, IClock clock)
{
    public sealed record Owner(Guid UserId, string Email, string Name, Role Role);

    private AuditLog Audit => new(db, clock);

    public bool MayChange(Actor actor, Guid incidentId) => Permissions.Allows(actor, Operation.ChangeTasks, incidentId, clock.GetCurrentInstant());

    public async Task<Outcome<IReadOnlyList<IncidentTask>>> ListAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IReadOnlyList<IncidentTask>>();
        var tasks = await db.IncidentTasks.Where(t => t.IncidentId == incidentId).ToListAsync(ct);
        return Outcome<IReadOnlyList<IncidentTask>>.Ok(Ordered(tasks).ToList());
    }

    public async Task<Outcome<IncidentTask>> GetAsync(Actor actor, Guid incidentId, Guid taskId, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IncidentTask>();
        var task = await db.IncidentTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.IncidentId == incidentId, ct);
        return task is null ? Outcome<IncidentTask>.NotFound() : Outcome<IncidentTask>.Ok(task);
    }

    public async Task<Outcome<IncidentTask>> AddAsync(Actor actor, Guid incidentId, TaskInput input, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IncidentTask>();
        if (!MayChange(actor, incidentId)) return Outcome<IncidentTask>.Forbidden();
        var problems = input.Problems(await OwnerIdsAsync(actor.OrganisationId, ct));
        if (problems.Count > 0) return Outcome<IncidentTask>.Invalid(problems);
        var now = clock.GetCurrentInstant();
        var task = new IncidentTask(Guid.NewGuid(), actor.OrganisationId, incidentId, input.Kind, input.Title.Trim(), null, null, actor.Email, now, fromTemplate: false);
        input.ApplyTo(task);
        db.IncidentTasks.Add(task);
        await Audit.AppendAsync(actor.OrganisationId, incidentId, actor.Email, "task.added", Describe(task), ct);
        return await SaveAsync(task, ct);
    }

    public async Task<Outcome<IncidentTask>> EditAsync(Actor actor, Guid incidentId, Guid taskId, TaskInput input, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, taskId, ct);
        if (!found.IsOk) return found;
        if (!MayChange(actor, incidentId)) return Outcome<IncidentTask>.Forbidden();
        var problems = input.Problems(await OwnerIdsAsync(actor.OrganisationId, ct));
        if (problems.Count > 0) return Outcome<IncidentTask>.Invalid(problems);
        var task = found.Value!;
        var changes = input.ApplyTo(task);
        if (changes.Count == 0) return found;
        task.UpdatedAt = clock.GetCurrentInstant();
        await Audit.AppendAsync(actor.OrganisationId, incidentId, actor.Email, "task.edited", new { task.Id, task.Title, changes }, ct);
        return await SaveAsync(task, ct);
    }

    /// <summary>Moves a task to open, in progress, done (when, by whom, with notes and evidence) or not needed (with the reason).</summary>
    public async Task<Outcome<IncidentTask>> ChangeStateAsync(Actor actor, Guid incidentId, Guid taskId, StateChange change, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, taskId, ct);
        if (!found.IsOk) return found;
        if (!MayChange(actor, incidentId)) return Outcome<IncidentTask>.Forbidden();
        var now = clock.GetCurrentInstant();
        var errors = change.Problems(now);
        if (errors.Count > 0) return Outcome<IncidentTask>.Invalid(errors);
        var reason = change.Reason?.Trim();

        var task = found.Value!;
        var before = task.State;
        switch (change.State)
        {
            case TaskState.Done: task.Complete(change.DoneAt ?? now, actor.Email); break;
            case TaskState.NotNeeded: task.DecideNotNeeded(change.DoneAt ?? now, actor.Email, reason!); break;
            default: task.Reopen(change.State); break;
        }
        if (change.Notes is { Length: > 0 } newNotes && newNotes.Trim() != task.Notes) task.Notes = newNotes.Trim();
        task.UpdatedAt = now;
        await Audit.AppendAsync(actor.OrganisationId, incidentId, actor.Email, "task.state-changed", new
        {
            task.Id, task.Title,
            before = KebabCase<TaskState>.ToId(before), after = KebabCase<TaskState>.ToId(task.State),
            doneAt = task.DoneAt?.ToString(), reason = task.NotNeededReason, notes = change.Notes?.Trim(),
        }, ct);
        if (change.Evidence is { Content.Length: > 0 } evidence)
        {
            var file = EvidenceFile.ForTask(Guid.NewGuid(), actor.OrganisationId, task.Id, Path.GetFileName(evidence.FileName), evidence.ContentType, evidence.Content, actor.Email, now);
            db.EvidenceFiles.Add(file);
            task.EvidenceFileId = file.Id;
            await Audit.AppendAsync(actor.OrganisationId, incidentId, actor.Email, "task.evidence-added", new { task.Id, task.Title, evidence = file.Id, file.FileName, file.Sha256 }, ct);
        }
        return await SaveAsync(task, ct);
    }

    public async Task<Outcome<EvidenceFile>> EvidenceAsync(Actor actor, Guid incidentId, Guid taskId, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, taskId, ct);
        if (!found.IsOk) return found.Refusal<EvidenceFile>();
        var file = found.Value!.EvidenceFileId is { } id ? await db.EvidenceFiles.SingleOrDefaultAsync(e => e.Id == id && e.TaskId == taskId, ct) : null;
        return file is null ? Outcome<EvidenceFile>.NotFound() : Outcome<EvidenceFile>.Ok(file);
    }

    /// <summary>Every open task of the organisation across the incidents the actor may see: due ones first, soonest first.</summary>
    public async Task<IReadOnlyList<(IncidentTask Task, Incident Incident)>> OpenTasksAsync(Actor actor, CancellationToken ct = default)
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

    /// <summary>The members who may own a task: the organisation's active members (not guests limited to one incident).</summary>
    public async Task<IReadOnlyList<Owner>> OwnersAsync(Guid organisationId, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var rows = await (from m in db.Members
                          join u in db.Users on m.UserId equals u.Id
                          where m.OrganisationId == organisationId && m.IncidentId == null
                          select new { m, u.Email, u.DisplayName }).ToListAsync(ct);
        return rows.Where(r => r.m.IsActiveAt(now)).OrderBy(r => r.m.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .DistinctBy(r => r.m.UserId).Select(r => new Owner(r.m.UserId, r.Email, r.DisplayName, r.m.Role)).ToList();
    }

    private async Task<IReadOnlyCollection<Guid>> OwnerIdsAsync(Guid organisationId, CancellationToken ct) =>
        (await OwnersAsync(organisationId, ct)).Select(o => o.UserId).ToHashSet();

    /// <summary>Gives a new incident the organisation's template tasks, inside the caller's unit of work (<see cref="TemplateTasks"/>).</summary>
    public static Task StartFromTemplateAsync(ComplianceDbContext db, AuditLog audit, Incident incident, Organisation organisation, string actor,
        IClock clock, CancellationToken ct = default) => TemplateTasks.AddAsync(db, audit, incident, organisation, actor, clock, ct);

    public Outcome<IReadOnlyList<TaskTemplate>> Templates(Organisation organisation) => Outcome<IReadOnlyList<TaskTemplate>>.Ok(TaskTemplates.Read(organisation.TaskTemplates));

    /// <summary>Replaces the organisation's template list (admins only). Incidents already logged keep their tasks.</summary>
    public async Task<Outcome<IReadOnlyList<TaskTemplate>>> SaveTemplatesAsync(Actor actor, IReadOnlyList<TaskTemplate> templates, CancellationToken ct = default)
    {
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return Outcome<IReadOnlyList<TaskTemplate>>.Forbidden();
        var errors = TaskTemplates.Problems(templates, await OwnerIdsAsync(actor.OrganisationId, ct));
        if (errors.Count > 0) return Outcome<IReadOnlyList<TaskTemplate>>.Invalid(errors);

        db.OrganisationScope = actor.OrganisationId;
        var org = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var before = TaskTemplates.Read(org.TaskTemplates);
        var cleaned = templates.Select(t => t with { Title = t.Title.Trim(), OwnerRole = t.OwnerUserId is null ? t.OwnerRole : null }).ToList();
        org.TaskTemplates = TaskTemplates.Write(cleaned);
        await Audit.AppendAsync(org.Id, null, actor.Email, "task-templates.updated", new { before = before.Count, after = cleaned.Count, templates = org.TaskTemplates }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<TaskTemplate>>.Ok(cleaned);
    }

    public static IEnumerable<IncidentTask> Ordered(IEnumerable<IncidentTask> tasks) =>
        tasks.OrderBy(t => t.IsOpen ? 0 : 1).ThenBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Title, StringComparer.Ordinal);

    internal static object Describe(IncidentTask t) => new
    {
        t.Id, kind = KebabCase<TaskKind>.ToId(t.Kind), t.Title, ownerId = t.OwnerUserId, dueAt = t.DueAt?.ToString(),
        t.Notes, t.ReportReference, t.Officer,
    };

    private async Task<Outcome<IncidentTask>> SaveAsync(IncidentTask task, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await new ReminderPlanner(db, clock).SyncAsync(task.OrganisationId, task.IncidentId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IncidentTask>.Ok(task);
    }
}
