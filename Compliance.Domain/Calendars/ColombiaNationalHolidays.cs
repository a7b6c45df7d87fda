using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Colombia, national holidays (días festivos): the calendar for the SIC's 15 "días hábiles" to report a
/// security incident in the RNBD (Circular Externa 003 of 2018; law reference §30 and §67).
///
/// Sources and verification:
/// - Código Sustantivo del Trabajo art. 177 as amended by Ley 51 of 1983 ("Ley Emiliani") art. 1: 1 Jan,
///   1 May, 20 Jul, 7 Aug, 8 Dec and 25 Dec, Holy Thursday and Good Friday stay on their dates; 6 Jan,
///   19 Mar, 29 Jun, 15 Aug, 12 Oct, 1 Nov and 11 Nov, and Ascension, Corpus Christi and Sacred Heart,
///   move to the next Monday when they do not fall on one. [M] statute from memory.
/// - The moved Easter feasts land on Easter + 43, + 64 and + 71 days (the Mondays after Ascension
///   Thursday, Corpus Christi Thursday and the Sacred Heart Friday). [S] the 2025 mid-year dates of the
///   reference (2 Jun, 23 Jun, 30 Jun, 20 Jul, 7 Aug, 18 Aug; `date-holidays` 3.37.0, CO) all follow.
/// - Saturdays are not business days (weekends are skipped by BusinessDays). [M] reference §0A.2.
/// </summary>
internal static class ColombiaNationalHolidays
{
    public static IEnumerable<Holiday> For(int year)
    {
        var easter = Easter.WesternSunday(year);
        yield return new(new LocalDate(year, 1, 1), "Año Nuevo");
        yield return new(Monday(new LocalDate(year, 1, 6)), "Día de los Reyes Magos");
        yield return new(Monday(new LocalDate(year, 3, 19)), "Día de San José");
        yield return new(easter.PlusDays(-3), "Jueves Santo");
        yield return new(easter.PlusDays(-2), "Viernes Santo");
        yield return new(new LocalDate(year, 5, 1), "Día del Trabajo");
        yield return new(easter.PlusDays(43), "Ascensión del Señor");
        yield return new(easter.PlusDays(64), "Corpus Christi");
        yield return new(easter.PlusDays(71), "Sagrado Corazón");
        yield return new(Monday(new LocalDate(year, 6, 29)), "San Pedro y San Pablo");
        yield return new(new LocalDate(year, 7, 20), "Día de la Independencia");
        yield return new(new LocalDate(year, 8, 7), "Batalla de Boyacá");
        yield return new(Monday(new LocalDate(year, 8, 15)), "La Asunción de la Virgen");
        yield return new(Monday(new LocalDate(year, 10, 12)), "Día de la Raza");
        yield return new(Monday(new LocalDate(year, 11, 1)), "Todos los Santos");
        yield return new(Monday(new LocalDate(year, 11, 11)), "Independencia de Cartagena");
        yield return new(new LocalDate(year, 12, 8), "Inmaculada Concepción");
        yield return new(new LocalDate(year, 12, 25), "Navidad");
    }

    // Ley 51 of 1983: "when it does not fall on a Monday, it moves to the following Monday".
    private static LocalDate Monday(LocalDate date) => date.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
}
