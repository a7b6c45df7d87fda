using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class CaliforniaCalendarTests
{
    private static readonly IHolidayCalendar California = HolidayCalendars.Get("US-CA");

    [Fact]
    public void California_2023_moves_Sunday_holidays_to_Monday_and_a_Saturday_Veterans_Day_to_Friday()
    {
        Assert.Equal(
        [
            "2023-01-01 New Year's Day",
            "2023-01-02 New Year's Day (observed)",
            "2023-01-16 Dr. Martin Luther King, Jr. Day",
            "2023-02-12 Lincoln Day",
            "2023-02-13 Lincoln Day (observed)",
            "2023-02-20 Presidents' Day",
            "2023-03-31 Cesar Chavez Day",
            "2023-05-29 Memorial Day",
            "2023-06-19 Juneteenth",
            "2023-07-04 Independence Day",
            "2023-09-04 Labor Day",
            "2023-09-22 Native American Day",
            "2023-11-10 Veterans Day (observed)",
            "2023-11-11 Veterans Day",
            "2023-11-23 Thanksgiving Day",
            "2023-11-24 Day after Thanksgiving",
            "2023-12-25 Christmas Day",
        ], IsoDates.HolidaysIn("US-CA", 2023));
    }

    [Fact]
    public void Columbus_Day_stops_and_Native_American_Day_starts_being_a_judicial_holiday_in_2022()
    {
        Assert.True(California.IsHoliday(IsoDates.Parse("2021-10-11")));
        Assert.True(California.IsBusinessDay(IsoDates.Parse("2022-10-10")));
        Assert.True(California.IsBusinessDay(IsoDates.Parse("2021-09-24")));
        Assert.True(California.IsHoliday(IsoDates.Parse("2022-09-23")));
    }

    [Fact]
    public void Juneteenth_is_a_judicial_holiday_from_2023()
    {
        Assert.True(California.IsBusinessDay(IsoDates.Parse("2022-06-20")));
        Assert.True(California.IsHoliday(IsoDates.Parse("2023-06-19")));
    }

    [Theory]
    [InlineData("2025-01-29")] // Lunar New Year
    [InlineData("2025-04-18")] // Good Friday, a holiday only from noon to 3 p.m.
    [InlineData("2025-04-24")] // Genocide Remembrance Day
    [InlineData("2025-09-09")] // Admission Day
    public void State_holidays_excluded_from_judicial_holidays_are_business_days(string date) =>
        Assert.True(California.IsBusinessDay(IsoDates.Parse(date)));
}
