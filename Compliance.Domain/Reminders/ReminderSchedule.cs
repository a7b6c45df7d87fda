using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Reminders;

/// <summary>
/// The reminders one duty should have, computed from its deadline, the policy and the people to remind.
/// Pure: the same inputs give the same plan. Daily reminders fall at the policy's local time in each person's
/// zone, so 08:00 stays 08:00 across a clock change; escalation and daily reminders roll one day at a time.
/// </summary>
public static class ReminderSchedule
{
    public sealed record Recipient(Guid UserId, Role Role, DateTimeZone Zone);

    public sealed record Planned(Guid UserId, ReminderKind Kind, Instant DueAt, string Label);

    public static IEnumerable<Planned> For(Obligation duty, IReadOnlyList<Recipient> people, ReminderPolicy policy, Func<Guid, ReminderKind, Instant?> lastSent)
    {
        // Keeping the internal breach record is done by using this tracker; it needs no nagging.
        if (duty.Status != ObligationStatus.Open || duty.Recipient == Vocabulary.Recipient.Record) yield break;
        var responsible = people.Where(p => p.Role is Role.SecurityLead or Role.Legal).ToList();
        var admins = people.Where(p => p.Role == Role.Admin).ToList();
        if (responsible.Count == 0) responsible = admins; // someone must hear of it

        if (duty.Deadline is not { } deadline)
        {
            foreach (var p in responsible)
            {
                var after = Max(duty.CreatedAt, lastSent(p.UserId, ReminderKind.Daily));
                yield return new Planned(p.UserId, ReminderKind.Daily, NextDaily(after, p.Zone, policy.DailyAt), "daily until a decision is recorded");
            }
            yield break;
        }

        foreach (var p in responsible)
        {
            if (policy.HalfWay && deadline > duty.CreatedAt)
                yield return new Planned(p.UserId, ReminderKind.BeforeDeadline, duty.CreatedAt + (deadline - duty.CreatedAt) / 2, "half-way to the deadline");
            foreach (var before in policy.BeforeDeadline)
            {
                var due = deadline - before;
                if (before == Duration.Zero) yield return new Planned(p.UserId, ReminderKind.AtDeadline, due, ReminderPolicy.Describe(before));
                else if (due > duty.CreatedAt) yield return new Planned(p.UserId, ReminderKind.BeforeDeadline, due, ReminderPolicy.Describe(before));
            }
        }
        foreach (var a in admins)
        {
            var after = Max(deadline, lastSent(a.UserId, ReminderKind.Overdue));
            yield return new Planned(a.UserId, ReminderKind.Overdue, NextDaily(after, a.Zone, policy.DailyAt), "overdue: daily escalation to admins");
        }
    }

    /// <summary>The first <paramref name="at"/> local time in <paramref name="zone"/> strictly after <paramref name="after"/>.</summary>
    public static Instant NextDaily(Instant after, DateTimeZone zone, LocalTime at)
    {
        var local = after.InZone(zone);
        var candidate = zone.AtLeniently(local.Date.At(at)).ToInstant();
        return candidate > after ? candidate : zone.AtLeniently(local.Date.PlusDays(1).At(at)).ToInstant();
    }

    private static Instant Max(Instant a, Instant? b) => b is { } v && v > a ? v : a;
}
