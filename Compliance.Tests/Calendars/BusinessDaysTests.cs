using Compliance.Domain.Calendars;

namespace Compliance.Tests.Calendars;

public class BusinessDaysTests
{
    private static readonly IHolidayCalendar Brazil = HolidayCalendars.Get("BR");
    private static readonly NodaTime.LocalDate KnowledgeOnWednesday = IsoDates.Parse("2025-11-19");

    [Fact]
    public void Three_business_days_from_Wednesday_19_November_2025_skip_Consciencia_Negra_and_the_weekend()
    {
        Assert.Equal(IsoDates.Parse("2025-11-25"), BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 3, Brazil));
    }

    [Fact]
    public void Counting_calendar_days_instead_of_business_days_lands_on_a_Saturday_three_days_early()
    {
        var naive = KnowledgeOnWednesday.PlusDays(3);

        Assert.Equal(IsoDates.Parse("2025-11-22"), naive);
        Assert.NotEqual(BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 3, Brazil), naive);
    }

    [Fact]
    public void Skipping_weekends_but_not_holidays_gives_a_deadline_one_day_early()
    {
        var weekendsOnly = BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 3, FixedHolidayCalendar.NoHolidays);

        Assert.Equal(IsoDates.Parse("2025-11-24"), weekendsOnly);
        Assert.NotEqual(BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 3, Brazil), weekendsOnly);
    }

    [Fact]
    public void In_2023_the_twentieth_of_November_was_still_a_business_day()
    {
        Assert.Equal(IsoDates.Parse("2023-11-21"),
            BusinessDays.AddBusinessDays(IsoDates.Parse("2023-11-16"), 3, Brazil));
    }

    [Fact]
    public void The_start_day_never_counts_even_when_it_is_a_business_day()
    {
        Assert.Equal(IsoDates.Parse("2025-11-25"), BusinessDays.AddBusinessDays(IsoDates.Parse("2025-11-24"), 1, Brazil));
    }

    [Fact]
    public void Counting_from_a_Saturday_makes_Monday_the_first_business_day()
    {
        Assert.Equal(IsoDates.Parse("2025-11-24"), BusinessDays.AddBusinessDays(IsoDates.Parse("2025-11-22"), 1, Brazil));
    }

    [Fact]
    public void Six_business_days_for_a_small_agent_run_across_the_holiday_into_the_next_week()
    {
        Assert.Equal(IsoDates.Parse("2025-11-28"), BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 6, Brazil));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_count_below_one_is_refused(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDays.AddBusinessDays(KnowledgeOnWednesday, count, Brazil));

    [Theory]
    [InlineData("2025-11-22", "2025-11-24")] // Saturday
    [InlineData("2025-11-23", "2025-11-24")] // Sunday
    [InlineData("2025-11-20", "2025-11-21")] // Consciência Negra
    [InlineData("2025-11-21", "2025-11-21")] // already a business day
    [InlineData("2025-11-15", "2025-11-17")] // holiday on a Saturday
    public void Roll_forward_moves_a_day_off_to_the_next_business_day(string date, string expected) =>
        Assert.Equal(IsoDates.Parse(expected), BusinessDays.RollForward(IsoDates.Parse(date), Brazil));

    [Fact]
    public void Roll_forward_crosses_the_year_end_past_an_observed_New_Years_Day()
    {
        Assert.Equal(IsoDates.Parse("2022-01-03"),
            BusinessDays.RollForward(IsoDates.Parse("2021-12-31"), HolidayCalendars.Get("US-VT")));
    }

    [Fact]
    public void A_calendar_without_business_days_fails_instead_of_looping()
    {
        var never = new EveryDayIsAHoliday();

        Assert.Throws<InvalidOperationException>(() => BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 1, never));
        Assert.Throws<InvalidOperationException>(() => BusinessDays.RollForward(KnowledgeOnWednesday, never));
    }

    [Fact]
    public void The_holidays_a_deadline_skipped_can_be_listed_with_their_names()
    {
        var deadline = BusinessDays.AddBusinessDays(KnowledgeOnWednesday, 3, Brazil);

        var skipped = Brazil.HolidaysBetween(KnowledgeOnWednesday, deadline).Select(IsoDates.Describe);

        Assert.Equal(["2025-11-20 Dia Nacional de Zumbi e da Consciência Negra"], skipped);
    }

    [Fact]
    public void Holidays_between_two_dates_span_the_year_end()
    {
        var vermont = HolidayCalendars.Get("US-VT");

        var holidays = vermont.HolidaysBetween(IsoDates.Parse("2021-12-20"), IsoDates.Parse("2022-01-05"))
            .Select(IsoDates.Describe);

        Assert.Equal(
        [
            "2021-12-24 Christmas Day (observed)",
            "2021-12-25 Christmas Day",
            "2021-12-31 New Year's Day (observed)",
            "2022-01-01 New Year's Day",
        ], holidays);
    }
}
