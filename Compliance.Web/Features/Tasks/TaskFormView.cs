using Compliance.Domain.Tasks;

namespace Compliance.Web.Features.Tasks;

/// <summary>What the task form partial shows: the values, the members to choose from, the zones, and the problems.</summary>
public sealed record TaskFormView(TaskForm Form, IReadOnlyList<TaskOwner> Owners, IReadOnlyList<string> Zones,
    IReadOnlyDictionary<string, string[]> Errors, Ambiguity? Ambiguity, string SubmitLabel)
{
    public FieldErrors KindErrors => TaskPage.ErrorsFor(Errors, "kind", "task-kind", "Kind");
    public FieldErrors TitleErrors => TaskPage.ErrorsFor(Errors, "title", "task-title", "What is to be done");
    public FieldErrors OwnerErrors => TaskPage.ErrorsFor(Errors, "ownerId", "task-owner", "Owner");
    public FieldErrors NotesErrors => TaskPage.ErrorsFor(Errors, "notes", "task-notes", "Notes");
    public FieldErrors ReferenceErrors => TaskPage.ErrorsFor(Errors, "reportReference", "task-report-reference", "Report reference number");
    public FieldErrors OfficerErrors => TaskPage.ErrorsFor(Errors, "officer", "task-officer", "Officer or agency");

    public LocalTimeField DueField => new("Form.Due", "task-due", "Due", "When it should be done; the owner is reminded before, and admins once it is overdue.",
        Form.Due, false, TaskPage.ErrorsFor(Errors, "dueAt", "task-due", "Due"), Ambiguity);

    public ZoneSelect ZoneField => new("Form.Zone", "task-zone", "Time zone of the due time", Zones, Form.Zone);

    public IEnumerable<(string Id, string Message)> Summary =>
        new[] { KindErrors, TitleErrors, OwnerErrors, DueField.Errors, NotesErrors, ReferenceErrors, OfficerErrors }
            .SelectMany(e => e.Messages.Select(m => (e.Id, m)));
}
