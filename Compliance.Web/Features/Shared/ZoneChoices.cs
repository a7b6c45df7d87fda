using NodaTime;
using NodaTime.TimeZones;

namespace Compliance.Web.Features.Shared;

/// <summary>The IANA zones offered in the zone selects: canonical ids only (no aliases), plus UTC.</summary>
public static class ZoneChoices
{
    public static readonly IReadOnlyList<string> All = TzdbDateTimeZoneSource.Default.CanonicalIdMap
        .Where(kv => kv.Key == kv.Value && !kv.Key.StartsWith("Etc/", StringComparison.Ordinal))
        .Select(kv => kv.Key)
        .Append("UTC")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The full list, with the selected zone kept even when it is an alias the list leaves out.</summary>
    public static IReadOnlyList<string> Including(string? selected) =>
        selected is null || All.Contains(selected) ? All : [selected, .. All];

    /// <summary>A short list for the small forms beside each duty: the zones a filing time is usually read in.</summary>
    public static IReadOnlyList<string> Few(params string?[] zones) =>
        zones.Where(z => z is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(z) is not null).Select(z => z!).Append("UTC").Distinct().ToList();
}
