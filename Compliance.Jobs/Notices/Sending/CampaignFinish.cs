using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// When no one is left to send to now: the campaign waits for its next retry, or it is complete (audited with its
/// counts, and the notice duties it fulfils are marked).
/// </summary>
internal sealed class CampaignFinish(Func<ComplianceDbContext> openDb, IClock clock, ILogger log)
{
    public async Task FinishOrWaitAsync(ComplianceDbContext db, Campaign campaign, Instant now, CancellationToken ct)
    {
        var waiting = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id && r.State == RecipientState.RetryLater)
            .GroupBy(r => 1).Select(g => new { Count = g.Count(), Next = g.Min(r => r.NextAttemptAt) }).SingleOrDefaultAsync(ct);
        if (waiting is { Count: > 0, Next: { } next })
        {
            campaign.ResumeAt = next;
            campaign.StatusNote = $"{waiting.Count:N0} message(s) wait to be tried again after a temporary refusal; the next try is at {StatusTime.Utc(next)}.";
        }
        else
        {
            await CompleteAsync(db, campaign, now, ct);
        }
        await db.SaveChangesAsync(ct);
        if (campaign.State == CampaignState.Completed) await new CampaignFulfilment(openDb, clock, log).CampaignFinishedAsync(campaign.Id, ct);
    }

    private async Task CompleteAsync(ComplianceDbContext db, Campaign campaign, Instant now, CancellationToken ct)
    {
        var counts = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id).GroupBy(r => r.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        campaign.Complete(now);
        await new AuditLog(db, clock).AppendAsync(campaign.OrganisationId, campaign.IncidentId, "scheduler", "campaign.completed",
            new { campaign = campaign.Id, name = campaign.Name, counts = counts.ToDictionary(c => KebabCase<RecipientState>.ToId(c.Key), c => c.Count) }, ct);
    }
}
