using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// Federal District (Brasília) holidays, added to the national ones for the ANPD's seat: the inspection
/// regulation (Res. CD/ANPD 1/2021) extends a deadline when there is no business at the seat.
///
/// Sources and verification, all [S] (the district laws' own text was not retrieved):
/// - 21 Apr, Aniversário de Brasília: Lei distrital 72/1989 art. 1, as cited by DF Decreto 48.117/2025
///   (2026 calendar, reported by Correio Braziliense 31 Dec 2025). The same day as Tiradentes, so it
///   never changes a count; listed so the user sees both names.
/// - 30 Nov, Dia do Evangélico: Lei distrital 963 of 4 Dec 1995, "feriado distrital" (Agência Brasil,
///   Nov 2022), so from 1996. Listed as "feriado local" in DF Decretos 41.716/2021, 45.425/2024 and
///   46.716/2025.
/// - Corpus Christi: "ponto facultativo" in the DF decrees up to 2025 (Decreto 46.716/2025 for 19 Jun
///   2025), but "feriado local — art. 1º, parágrafo único, da Lei nº 72/1989" in Decreto 48.117/2025 for
///   4 Jun 2026. When that paragraph was added was not found; counted from 2026 only. [S]
///
/// Caution: the ANPD is a federal body. Federal employees in Brasília follow the federal portaria, which
/// bars adopting district "pontos facultativos"; in 2022 the federal government separately declared 30 Nov a
/// federal ponto facultativo for its DF offices (Agência Brasil, 29 Nov 2022). Whether the ANPD's
/// e-filing deadline moves on a district holiday is therefore uncertain: "BR" is the conservative
/// calendar, "BR-DF" the latest date the law might allow.
/// </summary>
internal static class BrasiliaDistrictHolidays
{
    private const int DiaDoEvangelicoFirstYear = 1996;
    private const int CorpusChristiFirstYear = 2026;

    public static IEnumerable<Holiday> For(int year)
    {
        if (year >= 1990)
            yield return new(new LocalDate(year, 4, 21), "Aniversário de Brasília");
        if (year >= CorpusChristiFirstYear)
            yield return new(Easter.WesternSunday(year).PlusDays(60), "Corpus Christi");
        if (year >= DiaDoEvangelicoFirstYear)
            yield return new(new LocalDate(year, 11, 30), "Dia do Evangélico");
    }

    public static IEnumerable<Holiday> WithNational(int year) =>
        BrazilNationalHolidays.For(year).Concat(For(year));
}
