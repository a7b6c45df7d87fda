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
