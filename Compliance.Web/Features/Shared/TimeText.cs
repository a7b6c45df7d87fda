using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Shared;

/// <summary>How instants are written on the pages: in a named zone, with the offset, so no one guesses which time is meant.</summary>
public static class TimeText
{
    private static readonly LocalDateTimePattern Display = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu HH':'mm");
    private static readonly LocalDateTimePattern InputValue = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>"Mon 16 Jun 2025 17:00 UTC+01:00".</summary>
    public static string Format(Instant at, DateTimeZone zone)
    {
        var zoned = at.InZone(zone);
        return $"{Display.Format(zoned.LocalDateTime)} {Utc(zoned.Offset)}";
    }

    public static string Format(LocalDateTime local) => Display.Format(local);

    /// <summary>"UTC+01:00", the way the offset choice is worded on the forms.</summary>
    public static string Utc(Offset offset) => "UTC" + OffsetText.Format(offset);

    /// <summary>For the datetime attribute of a time element and for data-deadline.</summary>
    public static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);

    /// <summary>The value of an input type=datetime-local showing this instant in this zone.</summary>
    public static string ForInput(Instant at, DateTimeZone zone) => InputValue.Format(at.InZone(zone).LocalDateTime);

    public static DateTimeZone Zone(string? id, DateTimeZone fallback) =>
        id is null ? fallback : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? fallback;

    /// <summary>The same words site.js writes, so the page reads right before (or without) the script.</summary>
    public static string Countdown(Instant deadline, Instant now)
    {
        var left = deadline - now;
        var seconds = (long)Math.Abs(Math.Floor(left.TotalSeconds));
        var days = seconds / 86400;
        var hours = seconds % 86400 / 3600;
        var minutes = seconds % 3600 / 60;
        var text = (days > 0 ? $"{days}d " : "") + $"{hours}h {minutes:00}m";
        return left < Duration.Zero ? "overdue by " + text : text + " left";
    }
}
