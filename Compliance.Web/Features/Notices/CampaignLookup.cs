using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// A campaign of an incident, for someone who may handle its people (security leads and legal staff); another
/// incident's campaign, or another organisation's, is not found.
/// </summary>
public sealed class CampaignLookup(ComplianceDbContext db, IncidentAccess workspace)
{
    public async Task<Outcome<Campaign>> FindAsync(Actor actor, Guid incidentId, Guid campaignId, CancellationToken ct)
    {
        if (await workspace.DenyPeopleAccessAsync<Campaign>(actor, incidentId, ct) is { } refusal) return refusal;
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId && c.IncidentId == incidentId, ct);
        return campaign is null ? Outcome<Campaign>.NotFound() : Outcome<Campaign>.Ok(campaign);
    }
}

/// <summary>Which campaign of which incident a command is about.</summary>
public sealed record CampaignRef(Guid IncidentId, Guid CampaignId);
