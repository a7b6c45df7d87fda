using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>Where an incident's campaigns stand: what each has sent so far, per state and jurisdiction.</summary>
public sealed class CampaignProgress(ComplianceDbContext db, IncidentAccess workspace, CampaignLookup campaigns)
{
    /// <summary>Every campaign of the incident, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<CampaignSummary>>> ListAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyList<CampaignSummary>>(actor, incidentId, ct) is { } refusal) return refusal;
        var list = await db.Campaigns.AsNoTracking().Where(c => c.IncidentId == incidentId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return Outcome<IReadOnlyList<CampaignSummary>>.Ok(await CampaignSummaries.ForAsync(db, list, ct));
    }

    public async Task<Outcome<CampaignSummary>> GetAsync(Actor actor, CampaignRef campaign, CancellationToken ct = default)
    {
        var found = await campaigns.FindAsync(actor, campaign.IncidentId, campaign.CampaignId, ct);
        return found.IsOk ? Outcome<CampaignSummary>.Ok(await CampaignSummaries.ForAsync(db, found.Value!, ct)) : found.Refusal<CampaignSummary>();
    }
}
