using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Web.Features.Tasks;

/// <summary>A task's facts as the add and edit forms post them; the due time is entered in a zone (the incident's by default).</summary>
public sealed class TaskForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Owner { get; set; }
    public LocalTimeInput Due { get; set; } = new();
    public string? Zone { get; set; }
    public string? Notes { get; set; }
    public string? ReportReference { get; set; }
    public string? Officer { get; set; }

    public static TaskForm From(IncidentTask t, DateTimeZone zone) => new()
    {
        Kind = KebabCase<TaskKind>.ToId(t.Kind),
        Title = t.Title,
        Owner = t.OwnerUserId?.ToString(),
        Due = LocalClock.ToInput(t.DueAt, zone),
        Zone = zone.Id,
        Notes = t.Notes,
        ReportReference = t.ReportReference,
        Officer = t.Officer,
    };

    /// <summary>The input for the workspace, or the problems with the form's own fields (kind, owner, due time).</summary>
    public (TaskInput? Input, Dictionary<string, string[]> Errors, Ambiguity? Ambiguity) Read(DateTimeZone fallbackZone)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!KebabCase<TaskKind>.TryParse(Kind, out var kind)) errors["kind"] = ["Choose whom the task is about."];
        Guid? owner = null;
        if (!string.IsNullOrEmpty(Owner))
        {
            if (Guid.TryParse(Owner, out var id)) owner = id;
            else errors["ownerId"] = ["Choose one of the organisation's members, or nobody yet."];
        }
        Instant? due = null;
        Ambiguity? ambiguity = null;
        if (!Due.IsBlank)
        {
            var zone = Zone is { Length: > 0 } z ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(z) : fallbackZone;
            if (zone is null) errors["dueAt"] = ["Choose the time zone of the due time."];
            else
            {
                var resolved = LocalClock.Resolve(Due, zone);
                ambiguity = resolved.Ambiguity;
                if (resolved.Instant is { } at) due = at;
                else errors["dueAt"] = [resolved.Problem!];
            }
        }
        return errors.Count > 0 ? (null, errors, ambiguity)
            : (new TaskInput(kind, Title ?? "", owner, due, Notes, ReportReference, Officer), errors, ambiguity);
    }
}
