using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// The organisation's messages per day, counted over the last 24 hours as mail providers count them: how many the
/// next chunk may take, or a pause until a day after the oldest message of those 24 hours.
/// </summary>
internal sealed class DailyLimit(CampaignOptions options)
{
    /// <summary>The size of the next chunk, or null when the limit is reached (the campaign is then paused and saved).</summary>
    public async Task<int?> BudgetAsync(ComplianceDbContext db, Campaign campaign, Instant now, CancellationToken ct)
    {
        var budget = options.ChunkSize;
        if (options.MessagesPerDay <= 0) return budget;
        var since = now - Duration.FromDays(1);
        var used = await db.CampaignRecipients.CountAsync(r => r.OrganisationId == campaign.OrganisationId && r.HandedAt > since, ct);
        if (used < options.MessagesPerDay) return Math.Min(budget, options.MessagesPerDay - used);

        var oldest = await db.CampaignRecipients.Where(r => r.OrganisationId == campaign.OrganisationId && r.HandedAt > since)
            .MinAsync(r => r.HandedAt, ct);
        campaign.ResumeAt = (oldest ?? now) + Duration.FromDays(1);
        campaign.StatusNote = $"The daily limit of {options.MessagesPerDay:N0} messages is reached; sending resumes at {StatusTime.Utc(campaign.ResumeAt.Value)}.";
        await db.SaveChangesAsync(ct);
        return null;
    }
}
