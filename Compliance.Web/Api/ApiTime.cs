using Compliance.Domain.Rules.Assessment;
using NodaTime;

namespace Compliance.Web.Api;

/// <summary>Instants as ISO strings with the offset of the zone they belong to (the incident's or the authority's).</summary>
public static class ApiTime
{
    public static string Format(Instant at, string zoneId) =>
        AssessmentResponseWriter.Format(at, DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc);

    public static string? Format(Instant? at, string zoneId) => at is { } v ? Format(v, zoneId) : null;
}
