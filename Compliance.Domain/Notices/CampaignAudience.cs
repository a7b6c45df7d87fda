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
        var values = new List<object> { RawSqlValue.Of(campaign.Id, sqlite), RawSqlValue.Of(campaign.IncidentId, sqlite), RawSqlValue.Of(campaign.OrganisationId, sqlite) };
        string InList(string column, IReadOnlyList<string> items)
        {
            if (items.Count == 0) return "";
            var names = items.Select(item => { values.Add(item); return $"{{{values.Count - 1}}}"; });
            return $" AND p.\"{column}\" IN ({string.Join(", ", names)})";
        }
        var no = RawSqlValue.Literal(false, sqlite);
        var sql = $"""
            INSERT INTO campaign_recipients ("OrganisationId", "CampaignId", "PersonId", "Jurisdiction", "Language", "State", "Attempts", "Confirmed")
            SELECT p."OrganisationId", {"{0}"}, p."Id", p."Jurisdiction", p."Language", 'queued', 0, {no}
            FROM affected_people p
            WHERE p."IncidentId" = {"{1}"} AND p."OrganisationId" = {"{2}"} AND p."DoNotEmail" = {no} AND p."ProtectedDelegate" IS NULL AND p."EmailLookup" IS NOT NULL{InList("Jurisdiction", campaign.JurisdictionList)}{InList("Language", campaign.LanguageList)}
              AND NOT EXISTS (
                SELECT 1 FROM campaign_recipients r JOIN campaigns c ON c."Id" = r."CampaignId"
                WHERE r."PersonId" = p."Id" AND (r."State" IN ('sent', 'sending') OR c."State" <> 'cancelled'))
            """;
        return db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }
}
