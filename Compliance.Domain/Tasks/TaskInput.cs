using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>A task's editable facts, as a page or the API sends them (a PATCH is merged onto the current task first).</summary>
public sealed record TaskInput(TaskKind Kind, string Title, Guid? OwnerUserId, Instant? DueAt, string? Notes, string? ReportReference, string? Officer)
{
    public static TaskInput From(IncidentTask t) => new(t.Kind, t.Title, t.OwnerUserId, t.DueAt, t.Notes, t.ReportReference, t.Officer);

    /// <summary>Problems by field, named as the API names them; owners are checked against the organisation's members.</summary>
    public Dictionary<string, string[]> Problems(IReadOnlyCollection<Guid> owners)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Title)) errors["title"] = ["Say what is to be done (up to 200 characters)."];
        else if (PlainText.Problem(Title.Trim(), IncidentTask.TitleLength) is { } badTitle) errors["title"] = [badTitle];
        if (OwnerUserId is { } owner && !owners.Contains(owner)) errors["ownerId"] = ["is not a member of your organisation; choose one of its members."];
        if (Notes is { Length: > 0 } notes && PlainText.Problem(notes.Trim(), IncidentTask.NotesLength, multiline: true) is { } badNotes) errors["notes"] = [badNotes];
        if (Kind != TaskKind.LawEnforcement)
        {
            if (!string.IsNullOrWhiteSpace(ReportReference)) errors["reportReference"] = ["belongs to a law-enforcement task only; choose that kind or leave it empty."];
            if (!string.IsNullOrWhiteSpace(Officer)) errors["officer"] = ["belongs to a law-enforcement task only; choose that kind or leave it empty."];
        }
        if (ReportReference is { Length: > 0 } reference && PlainText.Problem(reference.Trim(), IncidentTask.ReferenceLength) is { } badReference) errors["reportReference"] = [badReference];
        if (Officer is { Length: > 0 } officer && PlainText.Problem(officer.Trim(), IncidentTask.OfficerLength) is { } badOfficer) errors["officer"] = [badOfficer];
        return errors;
    }

    /// <summary>Applies the input; returns what changed (field: before, after) for the audit line.</summary>
    public Dictionary<string, object?[]> ApplyTo(IncidentTask task)
    {
        var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        void Set<T>(string name, T before, T after, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(before, after)) return;
            changes[name] = [Show(before), Show(after)];
            assign(after);
        }
        Set("kind", task.Kind, Kind, v => task.Kind = v);
        Set("title", task.Title, Title.Trim(), v => task.Title = v);
        Set("ownerId", task.OwnerUserId, OwnerUserId, v => task.OwnerUserId = v);
        Set("dueAt", task.DueAt, DueAt, v => task.DueAt = v);
        Set("notes", task.Notes, Blank(Notes), v => task.Notes = v);
        Set("reportReference", task.ReportReference, Blank(ReportReference), v => task.ReportReference = v);
        Set("officer", task.Officer, Blank(Officer), v => task.Officer = v);
        return changes;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object? Show<T>(T value) => value switch
    {
        TaskKind k => KebabCase<TaskKind>.ToId(k),
        Instant i => i.ToString(),
        _ => value,
    };
}
