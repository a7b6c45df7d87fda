using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class VermontCalendarTests
{
    private static readonly IHolidayCalendar Vermont = HolidayCalendars.Get("US-VT");

    [Fact]
    public void Vermont_2026_observes_a_Saturday_holiday_on_Friday_and_a_Sunday_holiday_on_Monday()
    {
        Assert.Equal(
        [
            "2026-01-01 New Year's Day",
            "2026-01-19 Martin Luther King, Jr.'s Birthday",
            "2026-02-16 Presidents' Day",
            "2026-03-03 Town Meeting Day",
            "2026-05-25 Memorial Day",
            "2026-06-19 Juneteenth",
            "2026-07-03 Independence Day (observed)",
            "2026-07-04 Independence Day",
            "2026-08-16 Bennington Battle Day",
            "2026-08-17 Bennington Battle Day (observed)",
            "2026-09-07 Labor Day",
            "2026-10-12 Indigenous Peoples' Day",
            "2026-11-11 Veterans' Day",
            "2026-11-26 Thanksgiving Day",
            "2026-12-25 Christmas Day",
        ], IsoDates.HolidaysIn("US-VT", 2026));
    }

    [Fact]
    public void New_Years_Day_2022_on_a_Saturday_is_observed_on_31_December_2021()
    {
        var holidays2021 = IsoDates.HolidaysIn("US-VT", 2021);

        Assert.Contains("2021-12-24 Christmas Day (observed)", holidays2021);
        Assert.Contains("2021-12-31 New Year's Day (observed)", holidays2021);
        Assert.False(Vermont.IsBusinessDay(IsoDates.Parse("2021-12-31")));
    }

    [Fact]
    public void Town_Meeting_Day_is_the_first_Tuesday_in_March()
    {
        Assert.True(Vermont.IsHoliday(IsoDates.Parse("2025-03-04")));
        Assert.True(Vermont.IsHoliday(IsoDates.Parse("2026-03-03")));
        Assert.True(Vermont.IsBusinessDay(IsoDates.Parse("2026-03-10")));
    }

    [Fact]
    public void Juneteenth_is_a_Vermont_legal_holiday_from_2025_but_not_in_2024()
    {
        Assert.True(Vermont.IsBusinessDay(IsoDates.Parse("2024-06-19")));
        Assert.True(Vermont.IsHoliday(IsoDates.Parse("2025-06-19")));
    }

    [Fact]
    public void The_second_Monday_of_October_was_Columbus_Day_before_2019()
    {
        Assert.Contains("2018-10-08 Columbus Day", IsoDates.HolidaysIn("US-VT", 2018));
        Assert.Contains("2019-10-14 Indigenous Peoples' Day", IsoDates.HolidaysIn("US-VT", 2019));
    }

    [Fact]
    public void Fourteen_business_days_from_discovery_skip_Presidents_Day_and_Town_Meeting_Day()
    {
        var discovery = IsoDates.Parse("2025-02-14");

        Assert.Equal(IsoDates.Parse("2025-03-10"), BusinessDays.AddBusinessDays(discovery, 14, Vermont));
        Assert.NotEqual(IsoDates.Parse("2025-03-10"), discovery.PlusDays(14));
    }
}
