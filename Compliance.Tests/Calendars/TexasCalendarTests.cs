using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class TexasCalendarTests
{
    private static readonly IHolidayCalendar Texas = HolidayCalendars.Get("US-TX");

    [Fact]
    public void Texas_2025_lists_the_nine_national_and_eight_state_holidays()
    {
        Assert.Equal(
        [
            "2025-01-01 New Year's Day",
            "2025-01-19 Confederate Heroes Day",
            "2025-01-20 Martin Luther King, Jr., Day",
            "2025-02-17 Presidents' Day",
            "2025-03-02 Texas Independence Day",
            "2025-04-21 San Jacinto Day",
            "2025-05-26 Memorial Day",
            "2025-06-19 Emancipation Day in Texas",
            "2025-07-04 Independence Day",
            "2025-08-27 Lyndon Baines Johnson Day",
            "2025-09-01 Labor Day",
            "2025-11-11 Veterans Day",
            "2025-11-27 Thanksgiving Day",
            "2025-11-28 Friday after Thanksgiving Day",
            "2025-12-24 Christmas Eve",
            "2025-12-25 Christmas Day",
            "2025-12-26 Day after Christmas",
        ], IsoDates.HolidaysIn("US-TX", 2025));
    }

    [Fact]
    public void Texas_2026_moves_the_floating_holidays_and_keeps_the_fixed_ones()
    {
        var holidays = Texas.HolidaysIn(2026).Select(holiday => holiday.Date).ToArray();

        Assert.Equal(17, holidays.Length);
        Assert.Contains(IsoDates.Parse("2026-01-19"), holidays); // MLK Day and Confederate Heroes Day together
        Assert.Contains(IsoDates.Parse("2026-05-25"), holidays);
        Assert.Contains(IsoDates.Parse("2026-11-27"), holidays);
    }

    [Theory]
    [InlineData("2025-04-18")] // Good Friday
    [InlineData("2025-03-31")] // Cesar Chavez Day
    [InlineData("2025-09-23")] // Rosh Hashanah
    [InlineData("2025-10-02")] // Yom Kippur
    public void Optional_holidays_are_business_days(string date) =>
        Assert.True(Texas.IsBusinessDay(IsoDates.Parse(date)));

    [Theory]
    [InlineData("2021-07-05")] // 4 July 2021 was a Sunday
    [InlineData("2026-07-03")] // 4 July 2026 is a Saturday
    public void A_holiday_on_a_weekend_is_not_observed_on_another_day(string date) =>
        Assert.True(Texas.IsBusinessDay(IsoDates.Parse(date)));

    [Fact]
    public void A_thirty_day_period_ending_on_Christmas_runs_to_the_Monday_after()
    {
        var lastDay = IsoDates.Parse("2025-11-25").PlusDays(30);

        Assert.Equal(IsoDates.Parse("2025-12-25"), lastDay);
        Assert.Equal(IsoDates.Parse("2025-12-29"), BusinessDays.RollForward(lastDay, Texas));
    }
}
