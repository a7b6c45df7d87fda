using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Brazil, national holidays (feriados nacionais): the calendar for the ANPD's "dias úteis"
/// (Res. CD/ANPD 15/2024 arts. 6 and 9).
///
/// Sources and verification:
/// - Lei 662/1949 art. 1, as worded by Lei 10.607/2002: 1 Jan, 21 Apr, 1 May, 7 Sep, 2 Nov, 15 Nov,
///   25 Dec. [V] text quoted (camara.leg.br record of Lei 662; Lei 10.607 text).
/// - Lei 6.802/1980 art. 1: 12 Oct, Nossa Senhora Aparecida. [V] text quoted (legjur.com).
/// - Lei 14.759/2023 art. 1: 20 Nov, Dia Nacional de Zumbi e da Consciência Negra; in force on
///   publication, 22 Dec 2023, so the first one is 20 Nov 2024. [V] text quoted (legisweb.com.br).
/// - Good Friday (Paixão de Cristo) is, strictly, a municipal religious holiday (Lei 9.093/1995 art. 2,
///   "neste incluída a Sexta-Feira da Paixão"), but the federal government lists it every year as a
///   feriado nacional and closes federal bodies, the ANPD included (Portaria MGI 9.783/2024 for 2025).
///   Counted. [S] news copies of the portaria.
/// - NOT holidays: Carnival Monday and Tuesday, Ash Wednesday until 14:00, Corpus Christi, Dia do
///   Servidor Público (28 Oct) and the afternoons of 24 and 31 Dec are only "ponto facultativo" in the
///   same portaria. Conservative reading (reference §24): they are business days. [S]
/// - No weekend substitution: a holiday on a Saturday or Sunday is simply lost (the 2025 portaria lists
///   7 Sep, 12 Oct and 2 Nov on Sundays with no substitute). [S]
/// - Lei 7.320/1985 (holidays moved to the Monday) is not applied: the federal portarias for 2014 and
///   2025 keep each holiday on its date, e.g. 1 May 2025 on a Thursday. [S]
/// </summary>
internal static class BrazilNationalHolidays
{
    private const int ConscienciaNegraFirstYear = 2024;

    public static IEnumerable<Holiday> For(int year)
    {
        yield return new(new LocalDate(year, 1, 1), "Confraternização Universal");
        yield return new(Easter.WesternSunday(year).PlusDays(-2), "Paixão de Cristo");
        yield return new(new LocalDate(year, 4, 21), "Tiradentes");
        yield return new(new LocalDate(year, 5, 1), "Dia Mundial do Trabalho");
        yield return new(new LocalDate(year, 9, 7), "Independência do Brasil");
        if (year >= 1980)
            yield return new(new LocalDate(year, 10, 12), "Nossa Senhora Aparecida");
        yield return new(new LocalDate(year, 11, 2), "Finados");
        yield return new(new LocalDate(year, 11, 15), "Proclamação da República");
        if (year >= ConscienciaNegraFirstYear)
            yield return new(new LocalDate(year, 11, 20), "Dia Nacional de Zumbi e da Consciência Negra");
        yield return new(new LocalDate(year, 12, 25), "Natal");
    }
}
