using Compliance.Domain.Incidents;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>Adds a task to an incident beyond those its organisation's template gave it (admins, security leads, the incident's responder).</summary>
public sealed class AddTask(ComplianceDbContext db, IncidentAccess workspace, TaskOwners owners, IClock clock)
{
    public sealed record Request(Guid IncidentId, TaskInput Input);

    public async Task<Outcome<IncidentTask>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, request.IncidentId, ct);
        if (!incident.IsOk) return incident.Refusal<IncidentTask>();
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.ChangeTasks, request.IncidentId, now)) return Outcome<IncidentTask>.Forbidden();
        var input = request.Input;
        var problems = input.Problems(await owners.IdsAsync(actor.OrganisationId, ct));
        if (problems.Count > 0) return Outcome<IncidentTask>.Invalid(problems);

        var task = new IncidentTask(Guid.NewGuid(), actor.OrganisationId, request.IncidentId, input.Kind, input.Title.Trim(), null, null, actor.Email, now, fromTemplate: false);
        input.ApplyTo(task);
        db.IncidentTasks.Add(task);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "task.added", TaskAuditFacts.Of(task), ct);
        await TaskChangeSave.SaveAsync(db, clock, actor.OrganisationId, request.IncidentId, ct);
        return Outcome<IncidentTask>.Ok(task);
    }
}
