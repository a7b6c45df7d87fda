using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

// Código de Trabajo art. 148; Ley 9875 moved some holidays to Mondays until 2024; from 2025 every holiday keeps its date.
public class CostaRicaCalendarTests
{
    private static readonly IHolidayCalendar CostaRica = HolidayCalendars.Get("CR");

    [Fact]
    public void Costa_Rica_2025_is_the_list_of_the_reference_with_31_August_and_1_December()
    {
        Assert.Equal(
        [
            "2025-01-01", "2025-04-11", "2025-04-17", "2025-04-18", "2025-05-01", "2025-07-25", "2025-08-02", "2025-08-15",
            "2025-08-31", "2025-09-15", "2025-12-01", "2025-12-25",
        ], Dates(2025));
    }

    [Fact]
    public void In_2024_only_Juan_Santamaria_moved_to_Monday_15_April()
    {
        Assert.Equal(
        [
            "2024-01-01", "2024-03-28", "2024-03-29", "2024-04-15", "2024-05-01", "2024-07-25", "2024-08-02", "2024-08-15",
            "2024-08-31", "2024-09-15", "2024-12-01", "2024-12-25",
        ], Dates(2024));
        Assert.False(CostaRica.IsHoliday(IsoDates.Parse("2024-04-11")));
    }

    [Theory]
    [InlineData(2026, "2026-04-02", "2026-04-03")] // Easter 5 Apr 2026
    [InlineData(2027, "2027-03-25", "2027-03-26")] // Easter 28 Mar 2027
    [InlineData(2028, "2028-04-13", "2028-04-14")] // Easter 16 Apr 2028
    public void From_2025_every_holiday_keeps_its_date(int year, string holyThursday, string goodFriday)
    {
        var dates = Dates(year);
        Assert.Equal(12, dates.Length);
        Assert.Contains(holyThursday, dates);
        Assert.Contains(goodFriday, dates);
        foreach (var monthDay in new[] { "01-01", "04-11", "05-01", "07-25", "08-02", "08-15", "08-31", "09-15", "12-01", "12-25" })
            Assert.Contains($"{year}-{monthDay}", dates);
    }

    private static string[] Dates(int year) => CostaRica.HolidaysIn(year).Select(h => IsoDates.Describe(h)[..10]).ToArray();
}
