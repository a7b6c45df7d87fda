using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.Tasks;

public sealed record TaskBody(string Kind, string Title, Guid? OwnerId, string? DueAt, string? Notes, string? ReportReference, string? Officer);

public sealed record TaskPatchBody(string? Kind, string? Title, Guid? OwnerId, string? DueAt, string? Notes, string? ReportReference, string? Officer,
    string? State, string? DoneAt, string? Reason);

public sealed record TaskResource(Guid Id, Guid IncidentId, string Kind, string Title, Guid? OwnerId, string? DueAt, string State, string? Notes,
    string? ReportReference, string? Officer, string? DoneAt, string? DoneBy, string? NotNeededReason, Guid? EvidenceFileId, bool FromTemplate,
    string CreatedAt, string CreatedBy, int Version)
{
    public static TaskResource From(IncidentTask t, string zone) => new(t.Id, t.IncidentId, KebabCase<TaskKind>.ToId(t.Kind), t.Title, t.OwnerUserId,
        ApiTime.Format(t.DueAt, zone), KebabCase<TaskState>.ToId(t.State), t.Notes, t.ReportReference, t.Officer, ApiTime.Format(t.DoneAt, zone), t.DoneBy,
        t.NotNeededReason, t.EvidenceFileId, t.FromTemplate, ApiTime.Format(t.CreatedAt, zone), t.CreatedBy, t.Version);
}

public sealed record TaskList(IReadOnlyList<TaskResource> Tasks, string? Next);
