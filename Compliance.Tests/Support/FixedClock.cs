using NodaTime;

namespace Compliance.Tests.Support;

/// <summary>A clock that only moves when the test says so (NodaTime.Testing is not available here).</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public static FixedClock At(string isoInstant) => new(NodaTime.Text.InstantPattern.ExtendedIso.Parse(isoInstant).GetValueOrThrow());

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration by) => Now += by;
}
