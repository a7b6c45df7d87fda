using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;

namespace Compliance.Web.Features.Notices;

/// <summary>Who in a campaign receives the notice in another language than their own, because no template for their jurisdiction has it.</summary>
public sealed class CampaignFallbacks(ComplianceDbContext db, CampaignLookup campaigns, NoticeTemplates templates)
{
    public async Task<Outcome<IReadOnlyList<NoticeLanguageNeeds.Fallback>>> GetAsync(Actor actor, CampaignRef campaign, CancellationToken ct = default)
    {
        var found = await campaigns.FindAsync(actor, campaign.IncidentId, campaign.CampaignId, ct);
        if (!found.IsOk) return found.Refusal<IReadOnlyList<NoticeLanguageNeeds.Fallback>>();
        return Outcome<IReadOnlyList<NoticeLanguageNeeds.Fallback>>.Ok(
            NoticeLanguageNeeds.Fallbacks(await CampaignRecipientGroups.OfAsync(db, campaign.CampaignId, ct), templates));
    }
}
