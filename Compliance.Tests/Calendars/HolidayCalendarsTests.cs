using Compliance.Domain.Calendars;
using NodaTime;

namespace Compliance.Tests.Calendars;

public class HolidayCalendarsTests
{
    [Fact]
    public void Every_calendar_the_rules_need_is_registered()
    {
        Assert.Equal(["BR", "BR-DF", "US-TX", "US-VT", "US-IA", "US-CA", "US-NY", "CO", "EC", "CR"], HolidayCalendars.Ids);
    }

    [Fact]
    public void Each_calendar_answers_to_its_own_id_in_any_case()
    {
        foreach (var id in HolidayCalendars.Ids)
        {
            Assert.Equal(id, HolidayCalendars.Get(id).Id);
            Assert.Equal(id, HolidayCalendars.Get(id.ToLowerInvariant()).Id);
        }
    }

    [Fact]
    public void An_unknown_id_is_reported_not_guessed()
    {
        Assert.False(HolidayCalendars.TryGet("US-ZZ", out var calendar));
        Assert.Null(calendar);
        Assert.Throws<KeyNotFoundException>(() => HolidayCalendars.Get("US-ZZ"));
    }

    [Fact]
    public void Every_listed_holiday_is_a_holiday_and_every_other_day_is_not()
    {
        foreach (var id in HolidayCalendars.Ids)
        {
            var calendar = HolidayCalendars.Get(id);
            for (var year = 2000; year <= 2040; year++)
            {
                var listed = calendar.HolidaysIn(year).Select(holiday => holiday.Date).ToHashSet();
                for (var day = new LocalDate(year, 1, 1); day.Year == year; day = day.PlusDays(1))
                    Assert.True(listed.Contains(day) == calendar.IsHoliday(day), $"{id} {day}");
            }
        }
    }

    [Fact]
    public void A_year_is_listed_in_date_order()
    {
        foreach (var id in HolidayCalendars.Ids)
        {
            var dates = HolidayCalendars.Get(id).HolidaysIn(2026).Select(holiday => holiday.Date).ToArray();
            Assert.Equal(dates.Order(), dates);
        }
    }

    [Fact]
    public void A_date_in_another_calendar_system_is_read_as_the_same_day()
    {
        var julian = new LocalDate(2025, 11, 7, CalendarSystem.Julian); // 20 November 2025 (Gregorian)

        Assert.True(HolidayCalendars.Get("BR").IsHoliday(julian));
    }

    [Fact]
    public void A_year_outside_the_computed_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayCalendars.Get("BR").IsHoliday(new LocalDate(1500, 4, 21)));
    }
}
