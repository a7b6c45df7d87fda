using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>
/// The clocks of a real incident have run already. A day of slack covers a clock entered in a zone ahead of the
/// server's; anything later is a typo (2031 for 2021) that would put every deadline years away.
/// </summary>
public static class FutureClocks
{
    public static Dictionary<string, string[]> In(IncidentInput input, Instant now)
    {
        var latest = now + Duration.FromDays(1);
        var future = new Dictionary<string, string[]>();
        foreach (var (field, at) in new[] { ("awareAt", (Instant?)input.AwareAt), ("determinedAt", input.DeterminedAt), ("assessedAt", input.AssessedAt),
                     ("occurredFrom", input.OccurredFrom), ("occurredUntil", input.OccurredUntil) })
            if (at > latest) future[field] = ["is in the future; give the time it already happened (check the year)."];
        return future;
    }
}
