using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>One year of one calendar: the named list for display and a day-of-year table for lookups.</summary>
internal sealed class HolidayYear
{
    private readonly bool[] _isHolidayByDayOfYear;

    private HolidayYear(IReadOnlyList<Holiday> holidays, bool[] isHolidayByDayOfYear)
    {
        Holidays = holidays;
        _isHolidayByDayOfYear = isHolidayByDayOfYear;
    }

    public IReadOnlyList<Holiday> Holidays { get; }

    public bool Contains(LocalDate isoDate) => _isHolidayByDayOfYear[isoDate.DayOfYear];

    public static HolidayYear Build(int year, Func<int, IEnumerable<Holiday>> rulesForYear)
    {
        var holidays = rulesForYear(year - 1)
            .Concat(rulesForYear(year))
            .Concat(rulesForYear(year + 1))
            .Where(holiday => holiday.Date.Year == year)
            .Distinct()
            .OrderBy(holiday => holiday.Date)
            .ToArray();

        var isHoliday = new bool[367];
        foreach (var holiday in holidays)
            isHoliday[holiday.Date.DayOfYear] = true;
        return new HolidayYear(Array.AsReadOnly(holidays), isHoliday);
    }
}
