using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>A campaign's recipients counted by jurisdiction and language, the groups whose notice languages are checked.</summary>
internal static class CampaignRecipientGroups
{
    public static async Task<List<NoticeLanguageNeeds.Group>> OfAsync(ComplianceDbContext db, Guid campaignId, CancellationToken ct) =>
        (await db.CampaignRecipients.Where(r => r.CampaignId == campaignId).GroupBy(r => new { r.Jurisdiction, r.Language })
            .Select(g => new { g.Key.Jurisdiction, g.Key.Language, Count = g.Count() }).ToListAsync(ct))
        .Select(g => new NoticeLanguageNeeds.Group(g.Jurisdiction, g.Language, g.Count)).ToList();
}
