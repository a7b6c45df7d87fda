using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Tasks;

/// <summary>What an audit line says of a task when it is added, by hand or from the template.</summary>
public static class TaskAuditFacts
{
    public static object Of(IncidentTask t) => new
    {
        t.Id, kind = KebabCase<TaskKind>.ToId(t.Kind), t.Title, ownerId = t.OwnerUserId, dueAt = t.DueAt?.ToString(),
        t.Notes, t.ReportReference, t.Officer,
    };
}
