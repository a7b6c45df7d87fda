using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>How a campaign's status note gives a time: to the minute, in UTC.</summary>
internal static class StatusTime
{
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm' UTC'");

    public static string Utc(Instant at) => UtcPattern.Format(at);
}
