using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Costa Rica, public holidays (feriados): the calendar for the 5 "días hábiles" of the Law 8968 Regulation
/// (Executive Decree 37554-JP) to tell data subjects, and PRODHAB's target (law reference §36 and §67).
///
/// Sources and verification:
/// - Código de Trabajo art. 148: 1 Jan, 11 Apr, Holy Thursday and Good Friday, 1 May, 25 Jul, 2 Aug,
///   15 Aug, 15 Sep, 25 Dec [S: `date-holidays` CR; nacion.com quoting art. 148]; 31 Aug (Día de la Persona
///   Negra y la Cultura Afrocostarricense, a holiday from 2021) and 1 Dec (Abolición del Ejército, from 2020)
///   were added by reforms [S: nacion.com and larepublica.net list both as "pago no obligatorio" feriados;
///   M for the first years]. Non-mandatory-pay feriados are still days off for public offices: counted.
/// - Ley 9875 moved several holidays to Mondays for 2020-2024 (tourism). 2023: 11 Apr on 10 Apr, 25 Jul on
///   24 Jul, 15 Aug on 14 Aug, 31 Aug on Sunday 3 Sep [S: nacion.com, 2023 list]. 2024, the last year: only
///   11 Apr, on Monday 15 Apr; the move of 25 Jul was reverted for Guanacaste's bicentenary and 15 Aug stayed
///   (Ley 10.396) [S: nacion.com Apr 2024; telediario.cr]. 2020-2022 moves are not modelled. [M]
/// - From 2025 every holiday stays on its date (the reference's 2025 list). A holiday on a weekend is lost.
/// </summary>
internal static class CostaRicaHolidays
{
    public static IEnumerable<Holiday> For(int year)
    {
        var easter = Easter.WesternSunday(year);
        yield return new(new LocalDate(year, 1, 1), "Año Nuevo");
        yield return new(Observed(year, new LocalDate(year, 4, 11)), "Día de Juan Santamaría (Batalla de Rivas)");
        yield return new(easter.PlusDays(-3), "Jueves Santo");
        yield return new(easter.PlusDays(-2), "Viernes Santo");
        yield return new(new LocalDate(year, 5, 1), "Día del Trabajador");
        yield return new(Observed(year, new LocalDate(year, 7, 25)), "Anexión del Partido de Nicoya");
        yield return new(new LocalDate(year, 8, 2), "Virgen de los Ángeles");
        yield return new(Observed(year, new LocalDate(year, 8, 15)), "Día de la Madre");
        if (year >= 2021)
            yield return new(Observed(year, new LocalDate(year, 8, 31)), "Día de la Persona Negra y la Cultura Afrocostarricense");
        yield return new(new LocalDate(year, 9, 15), "Día de la Independencia");
        if (year >= 2020)
            yield return new(new LocalDate(year, 12, 1), "Día de la Abolición del Ejército");
        yield return new(new LocalDate(year, 12, 25), "Navidad");
    }

    // The Ley 9875 moves of the years we know (see above); every other year keeps the date.
    private static LocalDate Observed(int year, LocalDate date) => (year, date.Month, date.Day) switch
    {
        (2023, 4, 11) => new LocalDate(2023, 4, 10),
        (2023, 7, 25) => new LocalDate(2023, 7, 24),
        (2023, 8, 15) => new LocalDate(2023, 8, 14),
        (2023, 8, 31) => new LocalDate(2023, 9, 3),
        (2024, 4, 11) => new LocalDate(2024, 4, 15),
        _ => date,
    };
}
