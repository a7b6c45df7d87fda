using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// Picks the next chunk of a campaign and claims it. The claim commits before anything leaves, so a crash from then
/// on is settled by <see cref="CampaignRecovery"/>; it is made only just after the lease was confirmed ours, so no
/// other run can be claiming or recovering these people.
/// </summary>
internal static class ChunkClaim
{
    /// <summary>Queued people first, in key order (the index serves this without touching what was sent), then retries now due.</summary>
    public static async Task<List<CampaignRecipient>> NextAsync(ComplianceDbContext db, Guid campaignId, int budget, Instant now, CancellationToken ct)
    {
        var chunk = await db.CampaignRecipients.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.State == RecipientState.Queued)
            .OrderBy(r => r.PersonId).Take(budget).ToListAsync(ct);
        if (chunk.Count < budget)
            chunk.AddRange(await db.CampaignRecipients.AsNoTracking()
                .Where(r => r.CampaignId == campaignId && r.State == RecipientState.RetryLater && r.NextAttemptAt <= now)
                .OrderBy(r => r.PersonId).Take(budget - chunk.Count).ToListAsync(ct));
        return chunk;
    }

    /// <summary>Marks the chunk as being sent (one more attempt each), or returns false, claiming nothing, when the lease is no longer ours.</summary>
    public static async Task<bool> ClaimAsync(ComplianceDbContext db, Campaign campaign, List<CampaignRecipient> chunk, Lease lease, CancellationToken ct)
    {
        if (!await lease.RenewAsync(ct)) return false;
        var claimed = chunk.ConvertAll(r => r.PersonId);
        await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id && claimed.Contains(r.PersonId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Sending).SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.NextAttemptAt, (Instant?)null), ct);
        foreach (var r in chunk) r.Attempts++;
        if (campaign.ResumeAt is not null || campaign.StatusNote is not null)
        {
            (campaign.ResumeAt, campaign.StatusNote) = (null, null);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
