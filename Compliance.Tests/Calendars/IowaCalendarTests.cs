using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class IowaCalendarTests
{
    private static readonly IHolidayCalendar Iowa = HolidayCalendars.Get("US-IA");

    [Fact]
    public void Iowa_2021_grants_the_Friday_before_a_Saturday_holiday_and_the_Monday_after_a_Sunday_one()
    {
        Assert.Equal(
        [
            "2021-01-01 New Year's Day",
            "2021-01-18 Martin Luther King, Jr.'s Birthday",
            "2021-05-31 Memorial Day",
            "2021-07-04 Independence Day",
            "2021-07-05 Independence Day (observed)",
            "2021-09-06 Labor Day",
            "2021-11-11 Veterans Day",
            "2021-11-25 Thanksgiving Day",
            "2021-11-26 Friday after Thanksgiving",
            "2021-12-24 Christmas Day (observed)",
            "2021-12-25 Christmas Day",
            "2021-12-31 New Year's Day (observed)",
        ], IsoDates.HolidaysIn("US-IA", 2021));
    }

    [Fact]
    public void Iowa_2025_has_its_nine_paid_holidays_on_weekdays()
    {
        Assert.Equal(
        [
            "2025-01-01 New Year's Day",
            "2025-01-20 Martin Luther King, Jr.'s Birthday",
            "2025-05-26 Memorial Day",
            "2025-07-04 Independence Day",
            "2025-09-01 Labor Day",
            "2025-11-11 Veterans Day",
            "2025-11-27 Thanksgiving Day",
            "2025-11-28 Friday after Thanksgiving",
            "2025-12-25 Christmas Day",
        ], IsoDates.HolidaysIn("US-IA", 2025));
    }

    [Theory]
    [InlineData("2025-02-12")] // Lincoln's Birthday, §1C.1 only
    [InlineData("2025-02-17")] // Washington's Birthday, §1C.1 only
    [InlineData("2025-06-19")] // Juneteenth, a recognition day
    public void Legal_holidays_that_are_not_paid_holidays_are_business_days(string date) =>
        Assert.True(Iowa.IsBusinessDay(IsoDates.Parse(date)));

    [Fact]
    public void Five_business_days_after_consumer_notice_skip_Thanksgiving_and_the_Friday_after()
    {
        var consumerNotice = IsoDates.Parse("2025-11-26");

        Assert.Equal(IsoDates.Parse("2025-12-05"), BusinessDays.AddBusinessDays(consumerNotice, 5, Iowa));
    }
}
