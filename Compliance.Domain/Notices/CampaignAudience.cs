using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Notices;

/// <summary>
/// Who a new campaign may email: people of the incident with an address and no safety flag or trusted contact, who
/// are not already in another campaign that was not cancelled, nor were sent a notice by a cancelled one.
/// </summary>
public static class CampaignAudience
{
    public static IQueryable<AffectedPerson> Eligible(ComplianceDbContext db, Guid incidentId) =>
        db.AffectedPeople.Where(p => p.IncidentId == incidentId && !p.DoNotEmail && p.ProtectedDelegate == null && p.EmailLookup != null
            && !db.CampaignRecipients.Any(r => r.PersonId == p.Id
                && (r.State == RecipientState.Sent || r.State == RecipientState.Sending
                    || db.Campaigns.Any(c => c.Id == r.CampaignId && c.State != CampaignState.Cancelled))));

    /// <summary>
    /// Adds everyone eligible who matches the campaign's jurisdictions and languages as a queued recipient, in one
    /// statement inside the caller's transaction (a million people do not pass through the change tracker).
    /// </summary>
    /// <returns>How many recipients were added.</returns>
    public static Task<int> AddRecipientsAsync(ComplianceDbContext db, Campaign campaign, CancellationToken ct = default)
    {
        var sqlite = db.Database.IsSqlite();
        object[] values =
        [
            RawSqlValue.Of(campaign.Id, sqlite), RawSqlValue.Of(campaign.IncidentId, sqlite), RawSqlValue.Of(campaign.OrganisationId, sqlite), RawSqlValue.Of(false, sqlite),
            .. campaign.JurisdictionList, .. campaign.LanguageList,
        ];
        var sql = CampaignRecipientsSql.Insert(campaign.JurisdictionList.Count, campaign.LanguageList.Count);
        return db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }
}
