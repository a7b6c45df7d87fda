using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Iowa state paid holidays, the days state offices (the Attorney General's Consumer Protection
/// Division included) are closed, for the AG notice "within five business days" after consumer notice
/// (Iowa Code ch. 715C; reference §21.9).
///
/// Sources and verification:
/// - Iowa Code §1C.2(1), the nine days below. [V] statute text (LawServer copy current to 2024;
///   legis.iowa.gov 2001 text identical).
/// - §1C.2(3): "If a holiday enumerated in this section falls on Saturday, the preceding Friday shall be
///   granted and if ... on Sunday, the following Monday shall be granted." [V]; also Iowa Admin. Code
///   r. 11-63.8(2).
/// - NOT counted: Lincoln's Birthday (12 Feb) and Washington's Birthday (3rd Monday in February) are
///   §1C.1 "legal public holidays" but not paid holidays, and state offices stay open; fewer holidays
///   is the conservative choice. Juneteenth (§1C.14) is only a recognition day. §1C.2(2)(b) days the
///   executive council may add are not predictable.
/// - Modelled from the 1993 codification (C93 §1C.2); earlier years are not verified.
/// </summary>
internal static class IowaPaidHolidays
{
    public static IEnumerable<Holiday> For(int year) =>
        WeekendSubstitution.SaturdayToFridaySundayToMonday(Statutory(year));

    private static IEnumerable<Holiday> Statutory(int year)
    {
        yield return new(new LocalDate(year, 1, 1), "New Year's Day");
        yield return new(UsHolidayDates.MartinLutherKingDay(year), "Martin Luther King, Jr.'s Birthday");
        yield return new(UsHolidayDates.MemorialDay(year), "Memorial Day");
        yield return new(new LocalDate(year, 7, 4), "Independence Day");
        yield return new(UsHolidayDates.LaborDay(year), "Labor Day");
        yield return new(new LocalDate(year, 11, 11), "Veterans Day");
        var thanksgiving = UsHolidayDates.Thanksgiving(year);
        yield return new(thanksgiving, "Thanksgiving Day");
        yield return new(thanksgiving.PlusDays(1), "Friday after Thanksgiving");
        yield return new(new LocalDate(year, 12, 25), "Christmas Day");
    }
}
