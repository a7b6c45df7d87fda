using Compliance.Domain.Reminders;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Reminders;

/// <summary>How reminders say times: durations in words of the reader's language, instants in the reader's zone.</summary>
internal static class ReminderText
{
    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm x", null);

    /// <summary>A task reminder's heading: overdue by, due now, due in, or passed.</summary>
    public static string TaskHeading(Reminder reminder, Instant due, Instant now, IReadOnlyDictionary<string, string> words) => reminder.Kind switch
    {
        ReminderKind.Overdue => string.Format(words["taskOverdue"], Ago(now - due, words)),
        ReminderKind.AtDeadline => words["taskDueNow"],
        _ => due > now ? string.Format(words["taskDueIn"], Ago(due - now, words)) : words["taskDuePassed"],
    };

    public static string Ago(Duration d, IReadOnlyDictionary<string, string> words) =>
        d.TotalHours >= 48 ? string.Format(words["days"], (int)d.TotalDays) :
        (int)d.TotalHours == 1 ? words["hour"] :
        d.TotalHours >= 1 ? string.Format(words["hours"], (int)d.TotalHours) : string.Format(words["minutes"], Math.Max(1, (int)d.TotalMinutes));

    public static string Local(Instant i, DateTimeZone zone) => LocalPattern.Format(i.InZone(zone));
}
