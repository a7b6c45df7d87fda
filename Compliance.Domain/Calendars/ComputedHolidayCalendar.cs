using System.Collections.Concurrent;
using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// A calendar whose holidays are computed from rules, one year at a time, and cached: the first
/// question about a year builds it, every later one is an array lookup.
/// </summary>
internal sealed class ComputedHolidayCalendar(string id, string name, Func<int, IEnumerable<Holiday>> rulesForYear)
    : IHolidayCalendar
{
    // A year's rules may place an observed day in the year before or after (1 January on a Saturday),
    // so building year Y reads the rules of Y-1 and Y+1, and Easter needs a Gregorian year.
    public const int FirstYear = Easter.FirstGregorianYear + 1;
    public const int LastYear = 9998;

    private readonly ConcurrentDictionary<int, HolidayYear> _years = new();

    public string Id { get; } = id;
    public string Name { get; } = name;

    public bool IsHoliday(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
            date = date.WithCalendar(CalendarSystem.Iso);
        return Year(date.Year).Contains(date);
    }

    public IReadOnlyList<Holiday> HolidaysIn(int year) => Year(year).Holidays;

    public override string ToString() => $"{Id} ({Name})";

    private HolidayYear Year(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Holiday calendar '{Id}' is computed for years {FirstYear} to {LastYear}.");
        return _years.GetOrAdd(year, static (y, rules) => HolidayYear.Build(y, rules), rulesForYear);
    }
}
