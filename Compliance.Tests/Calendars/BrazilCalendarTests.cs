using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class BrazilCalendarTests
{
    private static readonly IHolidayCalendar Brazil = HolidayCalendars.Get("BR");

    [Fact]
    public void National_holidays_of_2025_are_the_ten_days_of_the_federal_list()
    {
        Assert.Equal(
        [
            "2025-01-01 Confraternização Universal",
            "2025-04-18 Paixão de Cristo",
            "2025-04-21 Tiradentes",
            "2025-05-01 Dia Mundial do Trabalho",
            "2025-09-07 Independência do Brasil",
            "2025-10-12 Nossa Senhora Aparecida",
            "2025-11-02 Finados",
            "2025-11-15 Proclamação da República",
            "2025-11-20 Dia Nacional de Zumbi e da Consciência Negra",
            "2025-12-25 Natal",
        ], IsoDates.HolidaysIn("BR", 2025));
    }

    [Fact]
    public void National_holidays_of_2023_have_Good_Friday_on_7_April_and_no_Consciencia_Negra()
    {
        Assert.Equal(
        [
            "2023-01-01 Confraternização Universal",
            "2023-04-07 Paixão de Cristo",
            "2023-04-21 Tiradentes",
            "2023-05-01 Dia Mundial do Trabalho",
            "2023-09-07 Independência do Brasil",
            "2023-10-12 Nossa Senhora Aparecida",
            "2023-11-02 Finados",
            "2023-11-15 Proclamação da República",
            "2023-12-25 Natal",
        ], IsoDates.HolidaysIn("BR", 2023));
    }

    [Fact]
    public void Consciencia_Negra_is_a_national_holiday_from_2024_but_not_in_2023()
    {
        Assert.False(Brazil.IsHoliday(IsoDates.Parse("2023-11-20")));
        Assert.True(Brazil.IsHoliday(IsoDates.Parse("2024-11-20")));
        Assert.True(Brazil.IsHoliday(IsoDates.Parse("2025-11-20")));
    }

    [Theory]
    [InlineData("2025-03-03")] // Carnival Monday
    [InlineData("2025-03-04")] // Carnival Tuesday
    [InlineData("2025-03-05")] // Ash Wednesday
    [InlineData("2025-06-19")] // Corpus Christi
    [InlineData("2025-10-28")] // Dia do Servidor Público
    [InlineData("2025-12-24")]
    [InlineData("2025-12-31")]
    public void A_ponto_facultativo_is_a_business_day(string date) =>
        Assert.True(Brazil.IsBusinessDay(IsoDates.Parse(date)));

    [Fact]
    public void A_holiday_on_a_Sunday_is_not_moved_to_the_Monday()
    {
        Assert.True(Brazil.IsHoliday(IsoDates.Parse("2025-09-07")));
        Assert.True(Brazil.IsBusinessDay(IsoDates.Parse("2025-09-08")));
    }
}
