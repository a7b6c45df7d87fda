using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Compliance.Domain.Persistence;

// Instant is stored as a UTC DateTime: TEXT that sorts lexically on SQLite, timestamptz on PostgreSQL.
// (Instant -> DateTimeOffset cannot be compared or ordered by EF's SQLite provider.)
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

/// <summary>A list stored as one delimited text column; the values never contain the delimiter.</summary>
public sealed class DelimitedListConverter<T>(Func<T, string> toText, Func<string, T> fromText) : ValueConverter<List<T>, string>(
    list => string.Join('|', list.Select(toText)),
    text => text.Length == 0 ? new List<T>() : text.Split('|', StringSplitOptions.None).Select(fromText).ToList());

public sealed class ListComparer<T>() : ValueComparer<List<T>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    list => list.Aggregate(0, (h, v) => HashCode.Combine(h, v)),
    list => list.ToList());
