using System.Globalization;
using NodaTime;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>The RFC 5322 Date header, in UTC: "Sun, 22 Nov 2026 06:53:30 +0000".</summary>
internal static class RfcDate
{
    public static string Format(Instant instant) =>
        instant.ToDateTimeOffset().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
