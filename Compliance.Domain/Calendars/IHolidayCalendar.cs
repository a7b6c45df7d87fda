using NodaTime;

namespace Compliance.Domain.Calendars;

/// <summary>
/// The public holidays of one place, as a law counting "business days" or rolling a deadline forward
/// sees them. Saturdays and Sundays are not listed here; <see cref="BusinessDays.IsBusinessDay"/> adds them.
/// </summary>
public interface IHolidayCalendar
{
    string Id { get; }
    string Name { get; }

    bool IsHoliday(LocalDate date);

    /// <summary>
    /// The holidays dated in <paramref name="year"/>, in date order, with their names, so a user can see
    /// why a deadline moved. Two holidays on one day are both listed (21 April in Brasília is Tiradentes
    /// and the city's founding). A weekend substitute carries "(observed)" and can fall in the year
    /// before the holiday it replaces (New Year's Day on a Saturday is observed on 31 December).
    /// </summary>
    IReadOnlyList<Holiday> HolidaysIn(int year);
}
