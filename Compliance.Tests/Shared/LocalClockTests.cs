using NodaTime;
using NodaTime.Text;

using Compliance.Tests.Pages;

namespace Compliance.Tests.Shared;

// A local time is read with the DST cases decided by the person, never by a default resolver.
public sealed class LocalClockTests
{
    private static readonly DateTimeZone Dublin = DateTimeZoneProviders.Tzdb["Europe/Dublin"];
    private static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    [Fact]
    public void An_ordinary_time_is_one_instant()
    {
        var resolved = LocalClock.Resolve(new LocalTimeInput { Local = "2026-06-13T16:00" }, Dublin);
        Assert.Equal(At("2026-06-13T15:00:00Z"), resolved.Instant);
        Assert.Null(resolved.Ambiguity);
    }

    [Fact]
    public void A_skipped_time_is_no_instant_at_all_rather_than_the_next_valid_one()
    {
        var resolved = LocalClock.Resolve(new LocalTimeInput { Local = "2026-03-29T01:00" }, Dublin);
        Assert.Null(resolved.Instant);
        Assert.Contains("went forward from 01:00 to 02:00", resolved.Problem);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("earlier", "2026-10-25T00:30:00Z")]
    [InlineData("later", "2026-10-25T01:30:00Z")]
    public void A_time_that_happened_twice_needs_a_choice(string? choice, string? expected)
    {
        var resolved = LocalClock.Resolve(new LocalTimeInput { Local = "2026-10-25T01:30", Choice = choice }, Dublin);
        Assert.Equal(expected is null ? null : At(expected), resolved.Instant);
        Assert.Equal(new Ambiguity(Offset.FromHours(1), Offset.Zero), resolved.Ambiguity);
    }

    [Fact]
    public void Showing_an_instant_back_keeps_which_of_the_two_it_was()
    {
        var input = LocalClock.ToInput(At("2026-10-25T00:30:00Z"), Dublin);
        Assert.Equal(("2026-10-25T01:30", "earlier"), (input.Local, input.Choice));
        Assert.Equal(At("2026-10-25T00:30:00Z"), LocalClock.Resolve(input, Dublin).Instant);
    }

    [Fact]
    public void Nonsense_is_a_message_not_an_exception()
    {
        var resolved = LocalClock.Resolve(new LocalTimeInput { Local = "next tuesday" }, Dublin);
        Assert.Null(resolved.Instant);
        Assert.Contains("is not a date and time", resolved.Problem);
    }
}
