using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

// Código del Trabajo art. 65 with the 2016 moving rule: Tuesday to the Monday before, Wednesday or Thursday to the
// Friday after, Saturday to the Friday before, Sunday to the Monday after; 1 Jan, Carnival, Good Friday and 25 Dec stay.
public class EcuadorCalendarTests
{
    private static readonly IHolidayCalendar Ecuador = HolidayCalendars.Get("EC");

    [Fact]
    public void Ecuador_2026_has_Carnival_on_16_and_17_February_and_the_November_pair_on_its_dates()
    {
        // Reference §67 (date-holidays EC): 1 Jan, 16-17 Feb, 3 Apr, 1 May, 24 May, 10 Aug, 2-3 Nov, 25 Dec.
        // 24 May 2026 is a Sunday: the rule enjoys it on Monday 25 May (the dataset lists the nominal date).
        Assert.Equal(
        [
            "2026-01-01", "2026-02-16", "2026-02-17", "2026-04-03", "2026-05-01", "2026-05-25", "2026-08-10", "2026-10-09",
            "2026-11-02", "2026-11-03", "2026-12-25",
        ], Dates(2026));
    }

    [Fact]
    public void Ecuador_2025_enjoys_its_midweek_and_weekend_holidays_on_Fridays_and_Mondays()
    {
        Assert.Equal(
        [
            "2025-01-01", "2025-03-03", "2025-03-04", "2025-04-18", "2025-05-02", "2025-05-23", "2025-08-11", "2025-10-10",
            "2025-11-03", "2025-11-04", "2025-12-25",
        ], Dates(2025));
    }

    [Fact]
    public void Ecuador_2024_puts_a_weekend_November_pair_on_the_Friday_before_and_the_Monday_after()
    {
        var dates = Dates(2024);
        Assert.Contains("2024-02-12", dates); // Carnival Monday (Easter 31 March)
        Assert.Contains("2024-08-09", dates); // 10 Aug, a Saturday
        Assert.Contains("2024-10-11", dates); // 9 Oct, a Wednesday
        Assert.Contains("2024-11-01", dates);
        Assert.Contains("2024-11-04", dates);
        Assert.DoesNotContain("2024-11-02", dates);
    }

    [Theory]
    [InlineData(2027, "2027-02-08", "2027-03-26")] // Easter 28 Mar 2027
    [InlineData(2028, "2028-02-28", "2028-04-14")] // Easter 16 Apr 2028
    public void Every_year_has_eleven_days_off_with_Carnival_and_Good_Friday_fixed_to_Easter(int year, string carnivalMonday, string goodFriday)
    {
        Assert.Equal(11, Dates(year).Length);
        Assert.True(Ecuador.IsHoliday(IsoDates.Parse(carnivalMonday)));
        Assert.True(Ecuador.IsHoliday(IsoDates.Parse(carnivalMonday).PlusDays(1)));
        Assert.True(Ecuador.IsHoliday(IsoDates.Parse(goodFriday)));
        // Only the holidays that never move can fall on a weekend (25 Dec 2027 and 1 Jan 2028 are Saturdays).
        Assert.All(Ecuador.HolidaysIn(year).Where(h => h.Date.DayOfWeek is NodaTime.IsoDayOfWeek.Saturday or NodaTime.IsoDayOfWeek.Sunday),
            h => Assert.Contains(h.Name, new[] { "Año Nuevo", "Navidad" }));
    }

    private static string[] Dates(int year) => Ecuador.HolidaysIn(year).Select(h => IsoDates.Describe(h)[..10]).ToArray();
}
