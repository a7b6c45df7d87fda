using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// When the server turns most of a chunk away for now, it is asking us to slow down: the campaign pauses, longer each
/// time the same people are turned away (30 s, 1 min, 2 min, ... 30 min).
/// </summary>
internal static class RefusalPause
{
    public static async Task PauseIfTurnedAwayAsync(ComplianceDbContext db, Campaign campaign, ChunkOutcome chunk, CancellationToken ct)
    {
        if (chunk.Temporary == 0 || chunk.Temporary * 2 < chunk.Attempted || ct.IsCancellationRequested) return;
        campaign.ResumeAt = chunk.At + Duration.FromSeconds(Math.Min(1800, 30 << Math.Min(6, chunk.FewestAttempts - 1)));
        campaign.StatusNote = $"The mail server turned away {chunk.Temporary} of {chunk.Attempted} messages for now ({chunk.FirstRefusal}); " +
            $"sending resumes at {StatusTime.Utc(campaign.ResumeAt.Value)}.";
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
