using NodaTime;

namespace Compliance.Domain.Persistence;

/// <summary>
/// PostgreSQL keeps instants to the microsecond (SQLite to 100 ns). Values that are hashed or compared after a round
/// trip are cut to what both databases give back.
/// </summary>
public static class StoredPrecision
{
    public static Instant Of(Instant at) => Instant.FromUnixTimeTicks(at.ToUnixTimeTicks() / 10 * 10);

    public static Instant? Of(Instant? at) => at is { } v ? Of(v) : null;
}
