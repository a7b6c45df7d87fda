using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class NewYorkCalendarTests
{
    private static readonly IHolidayCalendar NewYork = HolidayCalendars.Get("US-NY");

    [Fact]
    public void New_York_2023_moves_Sunday_holidays_to_Monday_but_leaves_Saturday_ones()
    {
        Assert.Equal(
        [
            "2023-01-01 New Year's day",
            "2023-01-02 New Year's day (observed)",
            "2023-01-16 Dr. Martin Luther King, Jr. day",
            "2023-02-12 Lincoln's birthday",
            "2023-02-13 Lincoln's birthday (observed)",
            "2023-02-20 Washington's birthday",
            "2023-05-29 Memorial day",
            "2023-06-11 Flag day",
            "2023-06-19 Juneteenth",
            "2023-07-04 Independence day",
            "2023-09-04 Labor day",
            "2023-10-09 Columbus day",
            "2023-11-07 General election day",
            "2023-11-11 Veterans' day",
            "2023-11-23 Thanksgiving day",
            "2023-12-25 Christmas day",
        ], IsoDates.HolidaysIn("US-NY", 2023));
    }

    [Fact]
    public void A_Saturday_New_Years_Day_leaves_31_December_a_business_day()
    {
        Assert.True(NewYork.IsHoliday(IsoDates.Parse("2022-01-01")));
        Assert.True(NewYork.IsBusinessDay(IsoDates.Parse("2021-12-31")));
    }

    [Fact]
    public void Flag_day_is_never_moved_to_the_Monday()
    {
        Assert.True(NewYork.IsBusinessDay(IsoDates.Parse("2025-06-09")));
    }

    [Fact]
    public void Juneteenth_is_a_public_holiday_from_2021_and_moves_off_a_Sunday()
    {
        Assert.True(NewYork.IsBusinessDay(IsoDates.Parse("2020-06-19")));
        Assert.True(NewYork.IsHoliday(IsoDates.Parse("2021-06-19")));
        Assert.False(NewYork.IsBusinessDay(IsoDates.Parse("2022-06-20")));
    }

    [Fact]
    public void General_election_day_is_the_Tuesday_after_the_first_Monday_in_November()
    {
        Assert.True(NewYork.IsHoliday(IsoDates.Parse("2025-11-04")));
        Assert.True(NewYork.IsHoliday(IsoDates.Parse("2026-11-03")));
        Assert.True(NewYork.IsBusinessDay(IsoDates.Parse("2022-11-01")));
    }
}
