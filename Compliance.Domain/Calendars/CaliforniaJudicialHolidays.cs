using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// California holidays for computing time: Code Civ. Proc. §12a extends a period whose last day is a
/// "holiday", meaning every Saturday, the judicial holidays of §135 and days an office is closed (§12b).
/// §135 adopts "every full day designated as a holiday by Section 6700 of the Government Code", plus the
/// Thursday the President declares Thanksgiving and the day after, minus the days it excludes.
///
/// Sources and verification:
/// - Gov. Code §6700(a): the dated holidays below. [V] statute text (leginfo copy before 2022).
/// - Gov. Code §6701: 1 Jan, 12 Feb, 31 Mar, 4 Jul, 9 Sep, 11 Nov or 25 Dec on a Sunday makes the Monday
///   a holiday; 11 Nov on a Saturday makes the Friday one. No other weekend substitution. [V]
/// - CCP §135 as amended by AB 855 (Stats. 2021 ch. 283, from 1 Jan 2022): excludes Admission Day
///   (9 Sep) and Columbus Day; Native American Day (4th Friday in September) counts. [V] chaptered text.
///   So Columbus Day counts to 2021 and Native American Day from 2022 (it had been excluded before).
/// - Juneteenth added to §6700 by AB 1655 (Stats. 2022), counted from 2023. [S]
/// - Excluded from judicial holidays when added to §6700: Lunar New Year (AB 2596, 2022), Genocide
///   Remembrance Day, 24 Apr (AB 1801, 2022), Diwali (AB 268, Stats. 2025 ch. 358). Not counted. [S]
/// - Good Friday, 12 noon to 3 p.m., is not a full day, so not a judicial holiday. Days appointed by the
///   Governor, and alternative days the Judicial Council may designate for a weekend holiday, cannot be
///   computed and are not counted.
/// - Before 2015 the list is not verified.
/// Used only for the optional "legal-latest" roll-forward (reference §24).
/// </summary>
internal static class CaliforniaJudicialHolidays
{
    private const int LastYearWithColumbusDay = 2021;
    private const int NativeAmericanDayFirstYear = 2022;
    private const int JuneteenthFirstYear = 2023;

    public static IEnumerable<Holiday> For(int year)
    {
        foreach (var holiday in Statutory(year))
        {
            yield return holiday;
            if (holiday.Date.DayOfWeek == IsoDayOfWeek.Sunday && MovesOffSunday(holiday.Date))
                yield return WeekendSubstitution.Observed(holiday, +1);
            if (holiday.Date is { Month: 11, Day: 11, DayOfWeek: IsoDayOfWeek.Saturday })
                yield return WeekendSubstitution.Observed(holiday, -1);
        }
    }

    // Gov. Code §6701: only these fixed dates move; 9 Sep is not a judicial holiday at all.
    private static bool MovesOffSunday(LocalDate date) => (date.Month, date.Day) is
        (1, 1) or (2, 12) or (3, 31) or (7, 4) or (11, 11) or (12, 25);

    private static IEnumerable<Holiday> Statutory(int year)
    {
        yield return new(new LocalDate(year, 1, 1), "New Year's Day");
        yield return new(UsHolidayDates.MartinLutherKingDay(year), "Dr. Martin Luther King, Jr. Day");
        yield return new(new LocalDate(year, 2, 12), "Lincoln Day");
        yield return new(UsHolidayDates.WashingtonsBirthday(year), "Presidents' Day");
        yield return new(new LocalDate(year, 3, 31), "Cesar Chavez Day");
        yield return new(UsHolidayDates.MemorialDay(year), "Memorial Day");
        if (year >= JuneteenthFirstYear)
            yield return new(new LocalDate(year, 6, 19), "Juneteenth");
        yield return new(new LocalDate(year, 7, 4), "Independence Day");
        yield return new(UsHolidayDates.LaborDay(year), "Labor Day");
        if (year >= NativeAmericanDayFirstYear)
            yield return new(WeekdayInMonth.Nth(year, 9, IsoDayOfWeek.Friday, 4), "Native American Day");
        if (year <= LastYearWithColumbusDay)
            yield return new(UsHolidayDates.ColumbusDay(year), "Columbus Day");
        yield return new(new LocalDate(year, 11, 11), "Veterans Day");
        var thanksgiving = UsHolidayDates.Thanksgiving(year);
        yield return new(thanksgiving, "Thanksgiving Day");
        yield return new(thanksgiving.PlusDays(1), "Day after Thanksgiving");
        yield return new(new LocalDate(year, 12, 25), "Christmas Day");
    }
}
