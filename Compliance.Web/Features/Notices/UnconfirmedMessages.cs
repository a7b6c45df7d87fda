using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>The Message-IDs of a campaign's messages released but unconfirmed, to look up in the mail server's log.</summary>
public sealed class UnconfirmedMessages(ComplianceDbContext db, CampaignLookup campaigns)
{
    public async Task<Outcome<IReadOnlyList<string>>> GetAsync(Actor actor, CampaignRef campaign, CancellationToken ct = default)
    {
        var found = await campaigns.FindAsync(actor, campaign.IncidentId, campaign.CampaignId, ct);
        if (!found.IsOk) return found.Refusal<IReadOnlyList<string>>();
        return Outcome<IReadOnlyList<string>>.Ok(await db.CampaignRecipients
            .Where(r => r.CampaignId == campaign.CampaignId && r.State == RecipientState.Sent && !r.Confirmed)
            .OrderBy(r => r.MessageId).Select(r => r.MessageId!).ToListAsync(ct));
    }
}
