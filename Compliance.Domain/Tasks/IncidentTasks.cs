using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// Transitional: what other features still call by this name (the calendar feed's open tasks, the workspace's start
/// from the template). Going once they call <see cref="OpenTasks"/> and <see cref="TaskTemplateStart"/>; the task
/// commands are the handlers beside it (<see cref="AddTask"/>, <see cref="EditTask"/>, <see cref="ChangeTaskState"/>...).
/// </summary>
public sealed class IncidentTasks(OpenTasks open)
{
    public Task<IReadOnlyList<(IncidentTask Task, Incident Incident)>> OpenTasksAsync(Actor actor, CancellationToken ct = default) => open.ListAsync(actor, ct);

    public static Task StartFromTemplateAsync(ComplianceDbContext db, AuditLog audit, Incident incident, Organisation organisation, string actor,
        IClock clock, CancellationToken ct = default) => TaskTemplateStart.StartAsync(db, audit, incident, organisation, actor, clock, ct);
}
