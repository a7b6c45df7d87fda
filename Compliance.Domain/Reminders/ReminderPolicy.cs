using NodaTime;

namespace Compliance.Domain.Reminders;

/// <summary>
/// When to remind, per organisation: "half" (half-way through the window) and durations before the deadline
/// ("24h", "4h", "1h", "0h" = at the deadline), then daily escalation to admins while overdue, and a daily
/// reminder at <see cref="DailyAt"/> in each person's zone for duties with no deadline until they are decided.
/// </summary>
public sealed record ReminderPolicy(bool HalfWay, IReadOnlyList<Duration> BeforeDeadline, LocalTime DailyAt)
{
    public const string DefaultText = "half,24h,4h,1h,0h";
    public static readonly ReminderPolicy Default = Parse(DefaultText)!;

    public static ReminderPolicy? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var halfWay = false;
        var before = new List<Duration>();
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (token == "half") { halfWay = true; continue; }
            if (token.EndsWith('h') && int.TryParse(token[..^1], out var hours) && hours is >= 0 and <= 24 * 30) before.Add(Duration.FromHours(hours));
            else if (token.EndsWith('m') && int.TryParse(token[..^1], out var minutes) && minutes is >= 0 and <= 60 * 24) before.Add(Duration.FromMinutes(minutes));
            else return null;
        }
        return new ReminderPolicy(halfWay, before.Distinct().OrderByDescending(d => d).ToList(), new LocalTime(8, 0));
    }

    public static string Describe(Duration before) =>
        before == Duration.Zero ? "at the deadline"
        : before.TotalHours >= 1 && before.Minutes == 0 ? $"{(int)before.TotalHours} hour{(before.TotalHours == 1 ? "" : "s")} before the deadline"
        : $"{(int)before.TotalMinutes} minutes before the deadline";
}
