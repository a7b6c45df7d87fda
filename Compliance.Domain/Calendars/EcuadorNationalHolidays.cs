using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Ecuador, national holidays (feriados nacionales): the calendar for the LOPDP's "término" of 5 and 3 days
/// (arts. 43 and 46), read as working days for the legal-latest deadline (law reference §34 and §67).
///
/// Sources and verification:
/// - Código del Trabajo art. 65 and LOSEP: 1 Jan, Carnival Monday and Tuesday, Good Friday, 1 May, 24 May,
///   10 Aug, 9 Oct, 2 Nov, 3 Nov, 25 Dec. [S] `date-holidays` EC, reference §67.
/// - Moves (Ley Orgánica Reformatoria a la LOSEP y al Código del Trabajo, RO 906 of 20 Dec 2016): a holiday
///   on a Tuesday is enjoyed the Monday before; on a Wednesday or Thursday, the Friday after; on a Saturday,
///   the Friday before; on a Sunday, the Monday after. Not moved: 1 Jan, Carnival, Good Friday, 25 Dec.
///   [M] from memory; it matches 2025 as announced (1 May on Friday 2 May, 24 May on Friday 23 May,
///   10 Aug on Monday 11 Aug, 9 Oct on Friday 10 Oct, 2-3 Nov on Monday 3 and Tuesday 4 Nov) [M].
/// - 2 and 3 November (Difuntos, Independencia de Cuenca) move as a pair so that they stay two days:
///   a weekend pair goes to the Friday before and the Monday after (2024: 1 and 4 Nov), a Sunday-Monday pair
///   to Monday-Tuesday (2025), a Friday-Saturday pair to Friday-Monday; weekday pairs stay (2026: 2-3 Nov,
///   as the reference lists). [M]
/// - Presidential decrees sometimes move a holiday or add a bridge day in a given year: not modelled. [M]
/// </summary>
internal static class EcuadorNationalHolidays
{
    public static IEnumerable<Holiday> For(int year)
    {
        var easter = Easter.WesternSunday(year);
        yield return new(new LocalDate(year, 1, 1), "Año Nuevo");
        yield return new(easter.PlusDays(-48), "Carnaval (lunes)");
        yield return new(easter.PlusDays(-47), "Carnaval (martes)");
        yield return new(easter.PlusDays(-2), "Viernes Santo");
        yield return new(Moved(new LocalDate(year, 5, 1)), "Día del Trabajo");
        yield return new(Moved(new LocalDate(year, 5, 24)), "Batalla de Pichincha");
        yield return new(Moved(new LocalDate(year, 8, 10)), "Primer Grito de Independencia");
        yield return new(Moved(new LocalDate(year, 10, 9)), "Independencia de Guayaquil");
        var (difuntos, cuenca) = NovemberPair(year);
        yield return new(difuntos, "Día de los Difuntos");
        yield return new(cuenca, "Independencia de Cuenca");
        yield return new(new LocalDate(year, 12, 25), "Navidad");
    }

    private static LocalDate Moved(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Tuesday => date.PlusDays(-1),
        IsoDayOfWeek.Wednesday => date.PlusDays(2),
        IsoDayOfWeek.Thursday => date.PlusDays(1),
        IsoDayOfWeek.Saturday => date.PlusDays(-1),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static (LocalDate Difuntos, LocalDate Cuenca) NovemberPair(int year)
    {
        var second = new LocalDate(year, 11, 2);
        return second.DayOfWeek switch
        {
            IsoDayOfWeek.Saturday => (second.PlusDays(-1), second.PlusDays(2)),
            IsoDayOfWeek.Sunday => (second.PlusDays(1), second.PlusDays(2)),
            IsoDayOfWeek.Friday => (second, second.PlusDays(3)),
            _ => (second, second.PlusDays(1)),
        };
    }
}
