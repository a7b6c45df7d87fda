using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Reminders;

/// <summary>
/// The reminders one task should have: the duty schedule (<see cref="ReminderSchedule"/>) applied to the task's due
/// instant, sent to its owner, with the same daily escalation to admins once it is overdue. Only an open task with a
/// due instant and an owner is reminded; a done or not-needed one stops.
/// </summary>
public static class TaskReminderSchedule
{
    public static IEnumerable<ReminderSchedule.Planned> For(IncidentTask task, IReadOnlyList<ReminderSchedule.Recipient> people, ReminderPolicy policy,
        Func<Guid, ReminderKind, Instant?> lastSent)
    {
        if (!task.IsOpen || task.DueAt is not { } due || task.OwnerUserId is not { } ownerId) yield break;
        if (people.FirstOrDefault(p => p.UserId == ownerId) is not { } owner) yield break; // no longer a member: nobody to remind
        var from = task.CreatedAt;
        if (policy.HalfWay && due > from)
            yield return new(owner.UserId, ReminderKind.BeforeDeadline, from + (due - from) / 2, "half-way to the task's due time");
        foreach (var before in policy.BeforeDeadline)
        {
            var at = due - before;
            if (before == Duration.Zero) yield return new(owner.UserId, ReminderKind.AtDeadline, at, "the task is due");
            else if (at > from) yield return new(owner.UserId, ReminderKind.BeforeDeadline, at, ReminderPolicy.Describe(before).Replace("the deadline", "the task is due"));
        }
        foreach (var admin in people.Where(p => p.Role == Role.Admin).DistinctBy(p => p.UserId))
        {
            var after = lastSent(admin.UserId, ReminderKind.Overdue) is { } sent && sent > due ? sent : due;
            yield return new(admin.UserId, ReminderKind.Overdue, ReminderSchedule.NextDaily(after, admin.Zone, policy.DailyAt), "task overdue: daily escalation to admins");
        }
    }
}
