using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

// Ley 51 of 1983 ("Ley Emiliani"): seven fixed-date feasts and three Easter feasts move to the next Monday.
public class ColombiaCalendarTests
{
    private static readonly IHolidayCalendar Colombia = HolidayCalendars.Get("CO");

    [Fact]
    public void Colombia_2024_is_the_published_list_of_eighteen_holidays()
    {
        Assert.Equal(
        [
            "2024-01-01", "2024-01-08", "2024-03-25", "2024-03-28", "2024-03-29", "2024-05-01", "2024-05-13", "2024-06-03",
            "2024-06-10", "2024-07-01", "2024-07-20", "2024-08-07", "2024-08-19", "2024-10-14", "2024-11-04", "2024-11-11",
            "2024-12-08", "2024-12-25",
        ], Dates(2024));
    }

    [Fact]
    public void Colombia_2025_mid_year_holidays_are_those_of_the_reference()
    {
        // Reference §67: 2 Jun (Ascension), 23 Jun (Corpus Christi), 30 Jun (Sacred Heart and Saints Peter and Paul,
        // both on that Monday), 20 Jul, 7 Aug, 18 Aug.
        var midYear = Dates(2025).Where(d => string.CompareOrdinal(d, "2025-06-01") >= 0 && string.CompareOrdinal(d, "2025-08-31") <= 0);
        Assert.Equal(["2025-06-02", "2025-06-23", "2025-06-30", "2025-07-20", "2025-08-07", "2025-08-18"], midYear);
        Assert.Equal(2, Colombia.HolidaysIn(2025).Count(h => h.Date == IsoDates.Parse("2025-06-30")));
    }

    [Fact]
    public void Colombia_2026_moves_Epiphany_Saint_Joseph_and_the_November_feasts_to_Mondays()
    {
        Assert.Equal(
        [
            "2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01", "2026-05-18", "2026-06-08",
            "2026-06-15", "2026-06-29", "2026-07-20", "2026-08-07", "2026-08-17", "2026-10-12", "2026-11-02", "2026-11-16",
            "2026-12-08", "2026-12-25",
        ], Dates(2026));
    }

    [Theory]
    [InlineData(2027, "2027-03-25", "2027-03-26", "2027-05-10", "2027-05-31", "2027-06-07")] // Easter 28 Mar 2027
    [InlineData(2028, "2028-04-13", "2028-04-14", "2028-05-29", "2028-06-19", "2028-06-26")] // Easter 16 Apr 2028
    public void Holy_week_stays_and_the_Easter_feasts_fall_on_Mondays(int year, string holyThursday, string goodFriday, string ascension, string corpus, string sacredHeart)
    {
        foreach (var day in new[] { holyThursday, goodFriday, ascension, corpus, sacredHeart })
            Assert.True(Colombia.IsHoliday(IsoDates.Parse(day)), day);
        Assert.All(new[] { ascension, corpus, sacredHeart }, d => Assert.Equal(NodaTime.IsoDayOfWeek.Monday, IsoDates.Parse(d).DayOfWeek));
        Assert.Equal(18, Colombia.HolidaysIn(year).Select(h => h.Date).Distinct().Count());
    }

    [Fact]
    public void A_moved_feast_is_not_a_holiday_on_its_own_date()
    {
        Assert.False(Colombia.IsHoliday(IsoDates.Parse("2026-01-06"))); // Tuesday: enjoyed on Monday 12 January
        Assert.False(Colombia.IsHoliday(IsoDates.Parse("2026-11-11")));
        Assert.True(Colombia.IsHoliday(IsoDates.Parse("2026-07-20"))); // Independence Day never moves
    }

    private static string[] Dates(int year) => Colombia.HolidaysIn(year).Select(h => IsoDates.Describe(h)[..10]).Distinct().ToArray();
}
