using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Vermont legal holidays, for the Attorney General's preliminary notice "within 14 business days"
/// (9 V.S.A. §2435; reference §21.9).
///
/// Sources and verification:
/// - 1 V.S.A. §371(a), the twelve days below. [V] statute text (LawServer copy, before 2024).
/// - §371(b): State offices "shall observe any legal holiday which falls on a Saturday on the preceding
///   Friday and any legal holiday which falls on a Sunday on the following Monday". Applied to every
///   holiday. [V]
/// - The second Monday in October is "Indigenous Peoples' Day" since Act 18 of 2019, "Columbus Day"
///   before; same day. [S] Governor's proclamation 2024.
/// - Juneteenth (19 Jun) became a §371 legal holiday through S.206 (2024); FindLaw: "Starting in 2025,
///   this list includes Juneteenth"; H.455 (2025) calls it "already designated as a legal holiday".
///   Counted from 2025. [S] The amended text was not retrieved. Closing offices on it is left to
///   collective bargaining (§371(b)) and offices were open on it before, so an AG business-day count
///   that skips it may be a day too generous: flag for counsel.
/// - Older history (Lincoln's Birthday, removed at an unknown date) is not modelled.
/// </summary>
internal static class VermontLegalHolidays
{
    private const int IndigenousPeoplesDayFirstYear = 2019;
    private const int JuneteenthFirstYear = 2025;

    public static IEnumerable<Holiday> For(int year) =>
        WeekendSubstitution.SaturdayToFridaySundayToMonday(Statutory(year));

    private static IEnumerable<Holiday> Statutory(int year)
    {
        yield return new(new LocalDate(year, 1, 1), "New Year's Day");
        yield return new(UsHolidayDates.MartinLutherKingDay(year), "Martin Luther King, Jr.'s Birthday");
        yield return new(UsHolidayDates.WashingtonsBirthday(year), "Presidents' Day");
        yield return new(WeekdayInMonth.Nth(year, 3, IsoDayOfWeek.Tuesday, 1), "Town Meeting Day");
        yield return new(UsHolidayDates.MemorialDay(year), "Memorial Day");
        if (year >= JuneteenthFirstYear)
            yield return new(new LocalDate(year, 6, 19), "Juneteenth");
        yield return new(new LocalDate(year, 7, 4), "Independence Day");
        yield return new(new LocalDate(year, 8, 16), "Bennington Battle Day");
        yield return new(UsHolidayDates.LaborDay(year), "Labor Day");
        yield return new(UsHolidayDates.ColumbusDay(year),
            year >= IndigenousPeoplesDayFirstYear ? "Indigenous Peoples' Day" : "Columbus Day");
        yield return new(new LocalDate(year, 11, 11), "Veterans' Day");
        yield return new(UsHolidayDates.Thanksgiving(year), "Thanksgiving Day");
        yield return new(new LocalDate(year, 12, 25), "Christmas Day");
    }
}
