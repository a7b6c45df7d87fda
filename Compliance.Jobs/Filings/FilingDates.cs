using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Filings;

/// <summary>"2019-03-15 09:00 HKT (UTC+08:00)": local time in the authority's zone, with its abbreviation and offset.</summary>
public static class FilingDates
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly OffsetPattern Offset = OffsetPattern.CreateWithInvariantCulture("+HH':'mm");

    public static string Format(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        var name = zone.GetZoneInterval(instant).Name;
        // tzdb has no abbreviation for some zones and writes "+08"; the offset already says that.
        var abbreviation = name.Length > 0 && char.IsLetter(name[0]) ? $" {name}" : "";
        return $"{Local.Format(local.LocalDateTime)}{abbreviation} (UTC{Offset.Format(local.Offset)})";
    }
}
