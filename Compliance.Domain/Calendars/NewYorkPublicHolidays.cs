using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// New York public holidays (General Construction Law §24), for the roll-forward of GCL §25-a when a
/// period ends on a Saturday, Sunday or public holiday.
///
/// Sources and verification:
/// - GCL §24 as amended by L.2020 ch. 249: the days below, "and if any of such days except Flag day is
///   Sunday, the next day thereafter". No Saturday substitution. [V] text as quoted in 2025 bills
///   S5214 and S6144 (nysenate.gov), which amend it and state it is current.
/// - Juneteenth was added by L.2020 ch. 249 (Oct 2020), counted from 2021. [S]
/// - "Each general election day": New York holds a general election every year on the Tuesday after
///   the first Monday in November (Election Law §8-100). [M] for the election-law rule.
/// - Days appointed by the President or the Governor cannot be computed and are not counted. The
///   Saturday "half-holiday" is irrelevant here: Saturdays are never business days.
/// Used only for the optional "legal-latest" roll-forward (reference §24).
/// </summary>
internal static class NewYorkPublicHolidays
{
    private const int JuneteenthFirstYear = 2021;

    public static IEnumerable<Holiday> For(int year)
    {
        foreach (var holiday in WeekendSubstitution.SundayToMonday(MovedOffSunday(year)))
            yield return holiday;
        yield return new(WeekdayInMonth.Nth(year, 6, IsoDayOfWeek.Sunday, 2), "Flag day");
        yield return new(WeekdayInMonth.Nth(year, 11, IsoDayOfWeek.Monday, 1).PlusDays(1), "General election day");
    }

    private static IEnumerable<Holiday> MovedOffSunday(int year)
    {
        yield return new(new LocalDate(year, 1, 1), "New Year's day");
        yield return new(UsHolidayDates.MartinLutherKingDay(year), "Dr. Martin Luther King, Jr. day");
        yield return new(new LocalDate(year, 2, 12), "Lincoln's birthday");
        yield return new(UsHolidayDates.WashingtonsBirthday(year), "Washington's birthday");
        yield return new(UsHolidayDates.MemorialDay(year), "Memorial day");
        if (year >= JuneteenthFirstYear)
            yield return new(new LocalDate(year, 6, 19), "Juneteenth");
        yield return new(new LocalDate(year, 7, 4), "Independence day");
        yield return new(UsHolidayDates.LaborDay(year), "Labor day");
        yield return new(UsHolidayDates.ColumbusDay(year), "Columbus day");
        yield return new(new LocalDate(year, 11, 11), "Veterans' day");
        yield return new(UsHolidayDates.Thanksgiving(year), "Thanksgiving day");
        yield return new(new LocalDate(year, 12, 25), "Christmas day");
    }
}
