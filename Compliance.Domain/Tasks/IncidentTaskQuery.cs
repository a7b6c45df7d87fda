using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Tasks;

/// <summary>
/// An incident's tasks, one of them, or its evidence, found through the workspace: another organisation's incident,
/// or one a responder is not on, is not found.
/// </summary>
public sealed class IncidentTaskQuery(ComplianceDbContext db, IncidentAccess workspace)
{
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

    public async Task<Outcome<EvidenceFile>> EvidenceAsync(Actor actor, Guid incidentId, Guid taskId, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, incidentId, taskId, ct);
        if (!found.IsOk) return found.Refusal<EvidenceFile>();
        var file = found.Value!.EvidenceFileId is { } id ? await db.EvidenceFiles.SingleOrDefaultAsync(e => e.Id == id && e.TaskId == taskId, ct) : null;
        return file is null ? Outcome<EvidenceFile>.NotFound() : Outcome<EvidenceFile>.Ok(file);
    }

    /// <summary>The name of the task's evidence file, if it has one.</summary>
    public Task<string?> EvidenceNameAsync(IncidentTask task, CancellationToken ct = default) =>
        task.EvidenceFileId is { } id
            ? db.EvidenceFiles.Where(e => e.Id == id).Select(e => e.FileName).SingleOrDefaultAsync(ct)
            : Task.FromResult<string?>(null);

    /// <summary>Open ones first, then by due instant (undated last), then as they were added.</summary>
    public static IEnumerable<IncidentTask> Ordered(IEnumerable<IncidentTask> tasks) =>
        tasks.OrderBy(t => t.IsOpen ? 0 : 1).ThenBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Title, StringComparer.Ordinal);
}
