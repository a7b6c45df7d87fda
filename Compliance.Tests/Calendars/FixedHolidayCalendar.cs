using Compliance.Domain.Calendars;
using NodaTime;

namespace Compliance.Tests.Calendars;

/// <summary>A hand-written calendar, to show what the real ones change.</summary>
internal sealed class FixedHolidayCalendar(params LocalDate[] holidays) : IHolidayCalendar
{
    public static readonly FixedHolidayCalendar NoHolidays = new();

    public string Id => "TEST";
    public string Name => "Test calendar";
    public bool IsHoliday(LocalDate date) => holidays.Contains(date);

    public IReadOnlyList<Holiday> HolidaysIn(int year) =>
        holidays.Where(date => date.Year == year).Select(date => new Holiday(date, "Test holiday")).ToArray();
}

/// <summary>A calendar with no business day at all, to prove the arithmetic cannot loop forever.</summary>
internal sealed class EveryDayIsAHoliday : IHolidayCalendar
{
    public string Id => "NEVER";
    public string Name => "Every day is a holiday";
    public bool IsHoliday(LocalDate date) => true;
    public IReadOnlyList<Holiday> HolidaysIn(int year) => [];
}
