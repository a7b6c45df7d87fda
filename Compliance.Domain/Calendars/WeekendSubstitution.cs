using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// The "observed" day some laws give a holiday that falls on a weekend. Each calendar says which rule
/// its law uses, and from when; Brazil and Texas use none.
/// </summary>
internal static class WeekendSubstitution
{
    /// <summary>Saturday to the Friday before, Sunday to the Monday after (1 V.S.A. §371(b), Iowa Code §1C.2(3)).</summary>
    public static IEnumerable<Holiday> SaturdayToFridaySundayToMonday(IEnumerable<Holiday> holidays)
    {
        foreach (var holiday in holidays)
        {
            yield return holiday;
            if (holiday.Date.DayOfWeek == IsoDayOfWeek.Saturday)
                yield return Observed(holiday, -1);
            else if (holiday.Date.DayOfWeek == IsoDayOfWeek.Sunday)
                yield return Observed(holiday, +1);
        }
    }

    /// <summary>Sunday to the Monday after; a Saturday holiday is simply lost (N.Y. Gen. Constr. Law §24).</summary>
    public static IEnumerable<Holiday> SundayToMonday(IEnumerable<Holiday> holidays)
    {
        foreach (var holiday in holidays)
        {
            yield return holiday;
            if (holiday.Date.DayOfWeek == IsoDayOfWeek.Sunday)
                yield return Observed(holiday, +1);
        }
    }

    public static Holiday Observed(Holiday holiday, int days) =>
        new(holiday.Date.PlusDays(days), $"{holiday.Name} (observed)");
}
