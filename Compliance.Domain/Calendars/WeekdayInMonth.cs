using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>"The third Monday in January", "the last Monday in May": how US statutes fix moving holidays.</summary>
internal static class WeekdayInMonth
{
    public static LocalDate Nth(int year, int month, IsoDayOfWeek day, int n) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(day)).PlusWeeks(n - 1);

    public static LocalDate Last(int year, int month, IsoDayOfWeek day) =>
        new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(day));
}

/// <summary>The dates of the US holidays that states share by Monday (or Thursday) rule; each state names them its own way.</summary>
internal static class UsHolidayDates
{
    public static LocalDate MartinLutherKingDay(int year) => WeekdayInMonth.Nth(year, 1, IsoDayOfWeek.Monday, 3);
    public static LocalDate WashingtonsBirthday(int year) => WeekdayInMonth.Nth(year, 2, IsoDayOfWeek.Monday, 3);
    public static LocalDate MemorialDay(int year) => WeekdayInMonth.Last(year, 5, IsoDayOfWeek.Monday);
    public static LocalDate LaborDay(int year) => WeekdayInMonth.Nth(year, 9, IsoDayOfWeek.Monday, 1);
    public static LocalDate ColumbusDay(int year) => WeekdayInMonth.Nth(year, 10, IsoDayOfWeek.Monday, 2);
    public static LocalDate Thanksgiving(int year) => WeekdayInMonth.Nth(year, 11, IsoDayOfWeek.Thursday, 4);
}
