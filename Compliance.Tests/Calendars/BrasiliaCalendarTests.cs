using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class BrasiliaCalendarTests
{
    private static readonly IHolidayCalendar Brasilia = HolidayCalendars.Get("BR-DF");

    [Fact]
    public void Brasilia_2026_adds_the_city_founding_Corpus_Christi_and_Dia_do_Evangelico_to_the_national_list()
    {
        Assert.Equal(
        [
            "2026-01-01 Confraternização Universal",
            "2026-04-03 Paixão de Cristo",
            "2026-04-21 Tiradentes",
            "2026-04-21 Aniversário de Brasília",
            "2026-05-01 Dia Mundial do Trabalho",
            "2026-06-04 Corpus Christi",
            "2026-09-07 Independência do Brasil",
            "2026-10-12 Nossa Senhora Aparecida",
            "2026-11-02 Finados",
            "2026-11-15 Proclamação da República",
            "2026-11-20 Dia Nacional de Zumbi e da Consciência Negra",
            "2026-11-30 Dia do Evangélico",
            "2026-12-25 Natal",
        ], IsoDates.HolidaysIn("BR-DF", 2026));
    }

    [Fact]
    public void Brasilia_2025_has_eleven_holiday_dates_as_in_the_district_decree()
    {
        var dates = Brasilia.HolidaysIn(2025).Select(holiday => holiday.Date).Distinct().ToArray();

        Assert.Equal(11, dates.Length);
        Assert.Contains(IsoDates.Parse("2025-11-30"), dates);
    }

    [Fact]
    public void Corpus_Christi_is_a_district_holiday_in_2026_but_a_business_day_in_2025()
    {
        Assert.True(Brasilia.IsHoliday(IsoDates.Parse("2026-06-04")));
        Assert.True(Brasilia.IsBusinessDay(IsoDates.Parse("2025-06-19")));
    }

    [Fact]
    public void Dia_do_Evangelico_moves_a_Brasilia_deadline_but_not_a_national_one()
    {
        var friday = IsoDates.Parse("2026-11-27");

        Assert.Equal(IsoDates.Parse("2026-11-30"), BusinessDays.AddBusinessDays(friday, 1, HolidayCalendars.Get("BR")));
        Assert.Equal(IsoDates.Parse("2026-12-01"), BusinessDays.AddBusinessDays(friday, 1, Brasilia));
    }
}
