using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// Sends one campaign, a chunk at a time, while its lease is held: check the notice is still the one approved, take
/// what the daily limit allows, claim the chunk (committed), render it, hand it to the transport, record every reply,
/// then keep to the rate. Ends when the campaign is done, waits (retries, daily limit, a server asking to slow
/// down), stops being sent, or the run is stopped.
/// </summary>
internal sealed class CampaignRun(
    Func<ComplianceDbContext> openDb, IClock clock, TimeProvider time, CampaignOptions options, ApprovedNotice approved, DailyLimit dailyLimit,
    NoticeComposer composer, ChunkDelivery delivery, ChunkResults results, CampaignFinish finish)
{
    public async Task SendAsync(Guid campaignId, Lease lease, SendTally tally, CancellationToken ct)
    {
        var pace = new SendPace(time, options.MessagesPerSecond);
        // Read with the first chunk, after the check that the notice is still the one approved; the same for every chunk.
        FrozenNotice? notice = null;
        while (!ct.IsCancellationRequested)
        {
            await using var db = openDb();
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct);
            if (campaign.State != CampaignState.Sending) return;
            var now = clock.GetCurrentInstant();
            notice ??= await approved.ReadAsync(db, campaign, ct);
            if (notice is null) return;
            if (await dailyLimit.BudgetAsync(db, campaign, now, ct) is not { } budget) return;

            var chunk = await ChunkClaim.NextAsync(db, campaignId, budget, now, ct);
            if (chunk.Count == 0)
            {
                await finish.FinishOrWaitAsync(db, campaign, now, ct);
                return;
            }
            if (!await ChunkClaim.ClaimAsync(db, campaign, chunk, lease, ct)) return;

            var composed = await composer.ComposeAsync(db, chunk, notice, now.InZone(notice.Zone).Date, campaign.Id);
            var finals = ChunkResults.Withheld(composed, tally);
            await using var sendLog = await RecipientLogWriter.OpenAsync(openDb(), campaignId, ct);
            var delivered = await delivery.SendAsync(composed.Sending, sendLog, lease, tally, ct);
            var outcome = await results.RecordAsync(composed.Sending, delivered, finals, sendLog, tally, ct);
            pace.Released(outcome.Released);
            await RefusalPause.PauseIfTurnedAwayAsync(db, campaign, outcome, ct);
            if (campaign.ResumeAt is not null) return;
            if (!await pace.WaitAsync(ct)) return;
        }
    }
}
