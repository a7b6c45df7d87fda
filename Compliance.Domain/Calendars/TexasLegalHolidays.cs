using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Texas legal holidays, for the roll-forward of Tex. Gov't Code §311.014(b): a period whose last day
/// is "a Saturday, Sunday, or legal holiday" runs to the next day that is none of these.
///
/// Sources and verification:
/// - Tex. Gov't Code §662.003(a) national holidays and (b) state holidays, listed below. [V] statute
///   text (FindLaw copy, current to 14 Apr 2021; re-check later sessions).
/// - Emancipation Day in Texas (19 Jun) from 1980 and Lyndon Baines Johnson Day from 1973, the years
///   they were created. [M] Earlier history of the list is not modelled.
/// - The skeleton-crew state holidays (Confederate Heroes Day, Texas Independence Day, San Jacinto Day,
///   Emancipation Day, LBJ Day; §662.004) are still holidays under §662.003(b), so they are counted.
/// - Optional holidays (§662.003(c): Rosh Hashanah, Yom Kippur, Good Friday; §662.013: Cesar Chavez Day)
///   are NOT counted. Whether they are "legal holidays" for §311.014 is unclear (reference §24); an
///   employee only swaps one for a state holiday, offices stay open, and fewer holidays is the
///   conservative choice.
/// - No weekend substitution: "Holidays that fall on Saturday or Sunday ... are not observed on another
///   day" (Texas Comptroller, Texas Payroll/Personnel Resource, "Holidays"). [S] regulator's guidance.
/// </summary>
internal static class TexasLegalHolidays
{
    public static IEnumerable<Holiday> For(int year)
    {
        // §662.003(a), national holidays.
        yield return new(new LocalDate(year, 1, 1), "New Year's Day");
        yield return new(UsHolidayDates.MartinLutherKingDay(year), "Martin Luther King, Jr., Day");
        yield return new(UsHolidayDates.WashingtonsBirthday(year), "Presidents' Day");
        yield return new(UsHolidayDates.MemorialDay(year), "Memorial Day");
        yield return new(new LocalDate(year, 7, 4), "Independence Day");
        yield return new(UsHolidayDates.LaborDay(year), "Labor Day");
        yield return new(new LocalDate(year, 11, 11), "Veterans Day");
        var thanksgiving = UsHolidayDates.Thanksgiving(year);
        yield return new(thanksgiving, "Thanksgiving Day");
        yield return new(new LocalDate(year, 12, 25), "Christmas Day");

        // §662.003(b), state holidays.
        yield return new(new LocalDate(year, 1, 19), "Confederate Heroes Day");
        yield return new(new LocalDate(year, 3, 2), "Texas Independence Day");
        yield return new(new LocalDate(year, 4, 21), "San Jacinto Day");
        if (year >= 1980)
            yield return new(new LocalDate(year, 6, 19), "Emancipation Day in Texas");
        if (year >= 1973)
            yield return new(new LocalDate(year, 8, 27), "Lyndon Baines Johnson Day");
        yield return new(thanksgiving.PlusDays(1), "Friday after Thanksgiving Day");
        yield return new(new LocalDate(year, 12, 24), "Christmas Eve");
        yield return new(new LocalDate(year, 12, 26), "Day after Christmas");
    }
}
