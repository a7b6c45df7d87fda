using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Business-day arithmetic for rules such as "3 business days from knowledge" (ANPD) or "14 business
/// days of discovery" (Vermont AG), and the roll-forward of a deadline that lands on a day off
/// (Tex. Gov't Code §311.014(b)). Pure and allocation-free: it is called for every jurisdiction of
/// every incident.
/// </summary>
public static class BusinessDays
{
    // A calendar that declares every day a holiday would otherwise loop forever; no real one comes close.
    private const int LongestRunOfDaysOff = 366;

    /// <summary>Not a Saturday, not a Sunday, and not a holiday of <paramref name="calendar"/>.</summary>
    public static bool IsBusinessDay(this IHolidayCalendar calendar, LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !calendar.IsHoliday(date);

    /// <summary>
    /// The date of the <paramref name="count"/>-th business day after <paramref name="start"/>. The start
    /// day itself never counts, even when it is a business day: "exclude the first day, include the last"
    /// (Res. CD/ANPD 1/2021 arts. 8 and 12 by analogy; the common US rule).
    /// </summary>
    public static LocalDate AddBusinessDays(LocalDate start, int count, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "Count at least one business day.");

        var date = start;
        var daysOffInARow = 0;
        while (count > 0)
        {
            date = date.PlusDays(1);
            if (calendar.IsBusinessDay(date))
            {
                count--;
                daysOffInARow = 0;
            }
            else if (++daysOffInARow > LongestRunOfDaysOff)
                throw NoBusinessDayAfter(start, calendar);
        }
        return date;
    }

    /// <summary><paramref name="date"/> if it is a business day, otherwise the next business day.</summary>
    public static LocalDate RollForward(LocalDate date, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var rolled = date;
        for (var daysOff = 0; !calendar.IsBusinessDay(rolled); daysOff++)
        {
            if (daysOff > LongestRunOfDaysOff)
                throw NoBusinessDayAfter(date, calendar);
            rolled = rolled.PlusDays(1);
        }
        return rolled;
    }

    /// <summary>
    /// The holidays from <paramref name="first"/> to <paramref name="last"/>, both included: the days a
    /// deadline skipped, to show the user.
    /// </summary>
    public static IReadOnlyList<Holiday> HolidaysBetween(this IHolidayCalendar calendar, LocalDate first, LocalDate last)
    {
        if (last < first)
            throw new ArgumentException($"The range ends ({last}) before it starts ({first}).", nameof(last));

        var found = new List<Holiday>();
        for (var year = first.Year; year <= last.Year; year++)
            foreach (var holiday in calendar.HolidaysIn(year))
                if (holiday.Date >= first && holiday.Date <= last)
                    found.Add(holiday);
        return found;
    }

    private static InvalidOperationException NoBusinessDayAfter(LocalDate start, IHolidayCalendar calendar) =>
        new($"Calendar '{calendar.Id}' has no business day within {LongestRunOfDaysOff} days after {start}.");
}
