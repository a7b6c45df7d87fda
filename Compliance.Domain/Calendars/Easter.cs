using NodaTime;

namespace Compliance.Domain.Calendars;

public static class Easter
{
    public const int FirstGregorianYear = 1583;

    /// <summary>
    /// Western (Gregorian) Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    /// Good Friday, Carnival and Corpus Christi are fixed offsets from it.
    /// </summary>
    public static LocalDate WesternSunday(int year)
    {
        if (year < FirstGregorianYear || year > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"The Gregorian computus applies from {FirstGregorianYear} to 9999.");

        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var h = (19 * golden + century - century / 4 - (century - (century + 8) / 25 + 1) / 3 + 15) % 30;
        var l = (32 + 2 * (century % 4) + 2 * (yearOfCentury / 4) - h - yearOfCentury % 4) % 7;
        var m = (golden + 11 * h + 22 * l) / 451;
        var monthAndDay = h + l - 7 * m + 114;
        return new LocalDate(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }
}
