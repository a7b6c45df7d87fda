using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Notices;

/// <summary>Counts per state and per jurisdiction of campaigns' recipients: one grouped query, however many campaigns.</summary>
public static class CampaignSummaries
{
    private sealed record Counted(Guid CampaignId, string Jurisdiction, RecipientState State, bool Confirmed, int Count, Instant? First, Instant? Last);

    public static async Task<IReadOnlyList<CampaignSummary>> ForAsync(ComplianceDbContext db, IReadOnlyList<Campaign> campaigns, CancellationToken ct)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var counted = (await db.CampaignRecipients.Where(r => ids.Contains(r.CampaignId))
            .GroupBy(r => new { r.CampaignId, r.Jurisdiction, r.State, r.Confirmed })
            .Select(g => new Counted(g.Key.CampaignId, g.Key.Jurisdiction, g.Key.State, g.Key.Confirmed, g.Count(), g.Min(r => r.SentAt), g.Max(r => r.SentAt)))
            .ToListAsync(ct)).ToLookup(r => r.CampaignId);
        return campaigns.Select(c => Summarise(c, counted[c.Id].ToList())).ToList();
    }

    public static async Task<CampaignSummary> ForAsync(ComplianceDbContext db, Campaign campaign, CancellationToken ct) =>
        (await ForAsync(db, [campaign], ct))[0];

    private static CampaignSummary Summarise(Campaign campaign, List<Counted> rows)
    {
        var byState = rows.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var byJurisdiction = rows.GroupBy(r => r.Jurisdiction).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JurisdictionCounts(g.Key, g.GroupBy(r => r.State).ToDictionary(s => s.Key, s => s.Sum(r => r.Count)))).ToList();
        var sent = rows.Where(r => r.First is not null).ToList();
        return new CampaignSummary(campaign, rows.Sum(r => r.Count), byState,
            rows.Where(r => r.State == RecipientState.Sent && !r.Confirmed).Sum(r => r.Count), byJurisdiction,
            sent.Count == 0 ? null : sent.Min(r => r.First), sent.Count == 0 ? null : sent.Max(r => r.Last));
    }
}
