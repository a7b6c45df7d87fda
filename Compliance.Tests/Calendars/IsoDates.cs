using Compliance.Domain.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Tests.Calendars;

internal static class IsoDates
{
    public static LocalDate Parse(string isoDate) => LocalDatePattern.Iso.Parse(isoDate).Value;

    public static string Describe(Holiday holiday) => $"{LocalDatePattern.Iso.Format(holiday.Date)} {holiday.Name}";

    public static string[] HolidaysIn(string calendarId, int year) =>
        HolidayCalendars.Get(calendarId).HolidaysIn(year).Select(Describe).ToArray();
}
