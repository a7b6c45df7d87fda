using NodaTime;

namespace Compliance.Domain.Reminders;

public enum ReminderKind { BeforeDeadline, AtDeadline, Overdue, Daily }
public enum ReminderState { Pending, Sent, Cancelled, Failed }

/// <summary>
/// One planned reminder to one person about one duty. Plans live in our tables; the scheduler only wakes the
/// sweep that sends what is due. <see cref="Key"/> is unique, so planning twice never plans twice.
/// </summary>
public sealed class Reminder
{
    private Reminder() { Key = ""; }

    public Reminder(Guid organisationId, Guid incidentId, Guid obligationId, Guid userId, ReminderKind kind, Instant dueAt, string label, Instant createdAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
        ObligationId = obligationId;
        UserId = userId;
        Kind = kind;
        DueAt = dueAt;
        Label = label;
        CreatedAt = createdAt;
        Key = KeyOf(obligationId, userId, kind, dueAt);
    }

    /// <summary>A reminder about an incident's task (<see cref="Tasks.IncidentTask"/>) to its owner, or to admins once it is overdue.</summary>
    public static Reminder ForTask(Guid organisationId, Guid incidentId, Guid taskId, Guid userId, ReminderKind kind, Instant dueAt, string label, Instant createdAt)
    {
        var reminder = new Reminder(organisationId, incidentId, taskId, userId, kind, dueAt, label, createdAt) { ObligationId = null, TaskId = taskId };
        return reminder;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    /// <summary>The duty reminded of; null for a task's reminder (<see cref="TaskId"/>).</summary>
    public Guid? ObligationId { get; private set; }
    public Guid? TaskId { get; private set; }

    /// <summary>The duty's or the task's id: what the reminder is about.</summary>
    public Guid SubjectId => ObligationId ?? TaskId ?? Guid.Empty;
    public Guid UserId { get; private set; }
    public ReminderKind Kind { get; private set; }
    public Instant DueAt { get; private set; }

    /// <summary>What the plan says, e.g. "24 hours before the deadline".</summary>
    public string Label { get; private set; } = "";
    public string Key { get; private set; }
    public ReminderState State { get; private set; }
    public Instant? SentAt { get; private set; }
    public bool Late { get; private set; }
    public string? Outcome { get; private set; }
    public Instant CreatedAt { get; private set; }

    public static string KeyOf(Guid obligationId, Guid userId, ReminderKind kind, Instant dueAt) =>
        $"{obligationId:N}:{userId:N}:{kind}:{dueAt.ToUnixTimeSeconds()}";

    public void MarkSent(Instant at, bool late, string outcome)
    {
        State = ReminderState.Sent;
        SentAt = at;
        Late = late;
        Outcome = outcome;
    }

    public void MarkFailed(string outcome)
    {
        State = ReminderState.Failed;
        Outcome = outcome;
    }

    public void Cancel(string why)
    {
        if (State != ReminderState.Pending) return;
        State = ReminderState.Cancelled;
        Outcome = why;
    }
}
