using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>What every chunk of a campaign renders from: the organisation's time zone and the campaign's frozen fields.</summary>
internal sealed record FrozenNotice(DateTimeZone Zone, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Reads the notice a campaign sends, once the check that it is still the one approved has passed; a campaign whose
/// templates changed since is stopped with a note saying why.
/// </summary>
internal sealed class ApprovedNotice(NoticeTemplates templates, ILogger log)
{
    private const string ChangedNote =
        "Stopped: the notice templates changed after this campaign was approved, so what would be sent is not what was approved. Cancel it and prepare a new one.";

    /// <summary>
    /// Whether what the campaign would send is still what was prepared and approved: its frozen fields and the
    /// templates of its recipients' jurisdictions and languages, hashed again.
    /// </summary>
    public static async Task<bool> UnchangedAsync(ComplianceDbContext db, NoticeTemplates templates, Campaign campaign, CancellationToken ct)
    {
        var groups = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.Jurisdiction, r.Language }).Distinct().ToListAsync(ct);
        return templates.Hash(campaign.Fields, groups.Select(g => (g.Jurisdiction, g.Language))) == campaign.TemplateHash;
    }

    /// <summary>The notice to send, or null when the templates changed after approval (the campaign then says so).</summary>
    public async Task<FrozenNotice?> ReadAsync(ComplianceDbContext db, Campaign campaign, CancellationToken ct)
    {
        if (!await UnchangedAsync(db, templates, campaign, ct))
        {
            await StopAsync(db, campaign, ct);
            return null;
        }
        var zone = await db.Organisations.Where(o => o.Id == campaign.OrganisationId).Select(o => o.TimeZone).SingleAsync(ct);
        return new FrozenNotice(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc, NoticeFields.Thaw(campaign.Fields));
    }

    private async Task StopAsync(ComplianceDbContext db, Campaign campaign, CancellationToken ct)
    {
        if (campaign.StatusNote == ChangedNote) return;
        campaign.StatusNote = ChangedNote;
        await db.SaveChangesAsync(ct);
        log.LogError("Campaign {CampaignId} not sent: its templates changed after approval", campaign.Id);
    }
}
