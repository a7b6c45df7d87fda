using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>Stops a campaign that awaits approval or is sending: no one else is emailed; what was sent stays recorded.</summary>
public sealed class CancelCampaign(ComplianceDbContext db, CampaignLookup campaigns, IClock clock)
{
    public async Task<Outcome<Campaign>> HandleAsync(Actor actor, CampaignRef request, CancellationToken ct = default)
    {
        var found = await campaigns.FindAsync(actor, request.IncidentId, request.CampaignId, ct);
        if (!found.IsOk) return found;
        var campaign = found.Value!;
        if (campaign.State is not (CampaignState.AwaitingApproval or CampaignState.Sending))
            return Outcome<Campaign>.Conflict($"This campaign is already {KebabCase<CampaignState>.ToId(campaign.State)}.");
        campaign.Cancel(actor.Email, clock.GetCurrentInstant());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "campaign.cancelled", new { campaign = campaign.Id }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Campaign>.Ok(campaign);
    }
}
