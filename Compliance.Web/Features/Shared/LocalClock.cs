using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Shared;

/// <summary>A clock time as a form sends it: the local date-time from input type=datetime-local, and which of two
/// offsets the person chose when the time happened twice.</summary>
public sealed class LocalTimeInput
{
    public string? Local { get; set; }
    public string? Choice { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Local);
}

/// <summary>The two offsets of a local time that happened twice (the clocks went back).</summary>
public sealed record Ambiguity(Offset Earlier, Offset Later)
{
    public const string EarlierChoice = "earlier";
    public const string LaterChoice = "later";
}

/// <summary>What a local time means in a zone: one instant, or why not (a gap, an unchosen overlap, a typo).</summary>
public sealed record LocalTimeResolution(Instant? Instant, string? Problem, Ambiguity? Ambiguity);

/// <summary>
/// Turns a local date-time in a zone into an instant with the DST cases decided explicitly, never by a default
/// resolver: a time the clocks skipped is refused, and a time that happened twice needs the person to choose.
/// </summary>
public static class LocalClock
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern HourMinute = LocalDateTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static LocalTimeResolution Resolve(LocalTimeInput input, DateTimeZone zone)
    {
        var text = input.Local?.Trim() ?? "";
        var parsed = Minutes.Parse(text);
        if (!parsed.Success) parsed = LocalDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success) return new(null, $"'{text}' is not a date and time; enter one such as 2025-06-13 16:00.", null);

        var local = parsed.Value;
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            var from = HourMinute.Format(mapping.EarlyInterval.IsoLocalEnd);
            var to = HourMinute.Format(mapping.LateInterval.IsoLocalStart);
            return new(null,
                $"{TimeText.Format(local)} does not exist in {zone.Id}: the clocks went forward from {from} to {to} " +
                $"({TimeText.Utc(mapping.EarlyInterval.WallOffset)} to {TimeText.Utc(mapping.LateInterval.WallOffset)}). " +
                $"Enter a time before {from} or from {to}.", null);
        }
        if (mapping.Count == 1) return new(mapping.Single().ToInstant(), null, null);

        var ambiguity = new Ambiguity(mapping.First().Offset, mapping.Last().Offset);
        return input.Choice switch
        {
            Ambiguity.EarlierChoice => new(mapping.First().ToInstant(), null, ambiguity),
            Ambiguity.LaterChoice => new(mapping.Last().ToInstant(), null, ambiguity),
            _ => new(null,
                $"{TimeText.Format(local)} happened twice in {zone.Id}, because the clocks went back an hour. " +
                $"Choose the earlier ({TimeText.Utc(ambiguity.Earlier)}) or the later ({TimeText.Utc(ambiguity.Later)}) one.", ambiguity),
        };
    }

    /// <summary>The form values that show an instant back as it was entered, the overlap choice included.</summary>
    public static LocalTimeInput ToInput(Instant? at, DateTimeZone zone)
    {
        if (at is not { } instant) return new LocalTimeInput();
        var zoned = instant.InZone(zone);
        var mapping = zone.MapLocal(zoned.LocalDateTime);
        var choice = mapping.Count == 2 ? (zoned.Offset == mapping.First().Offset ? Ambiguity.EarlierChoice : Ambiguity.LaterChoice) : null;
        return new LocalTimeInput { Local = TimeText.ForInput(instant, zone), Choice = choice };
    }
}
