using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Notices;

/// <summary>
/// What a finished campaign proves: for each duty to tell people in a jurisdiction the campaign covered, the campaign's
/// proof-of-notification PDF is kept with the duty as evidence (once per campaign and duty), and the duty's counts of
/// people notified, pending and unreachable are brought up to date; a duty whose people are all notified (by email
/// or a recorded manual contact) is fulfilled. Safe to run again: nothing is attached, counted or fulfilled twice.
/// </summary>
public sealed class CampaignFulfilment(Func<ComplianceDbContext> openDb, IClock clock, ILogger log, RulesEngine? engine = null)
{
    public const string Actor = "scheduler";

    public static string ProofFileName(Guid campaignId) => $"campaign-proof-{campaignId:N}.pdf";

    /// <summary>
    /// Runs for a completed campaign (anything else is left alone). A failure is logged, not thrown: the campaign has
    /// finished either way, and the counts catch up at the next contact recorded or the next run for this campaign.
    /// </summary>
    public async Task<IReadOnlyList<IndividualsDutyProgress.Progress>> CampaignFinishedAsync(Guid campaignId, CancellationToken ct = default)
    {
        try
        {
            return await FulfilAsync(campaignId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Campaign {CampaignId} finished, but its duties to tell people could not be brought up to date", campaignId);
            return [];
        }
    }

    private async Task<IReadOnlyList<IndividualsDutyProgress.Progress>> FulfilAsync(Guid campaignId, CancellationToken ct)
    {
        await using var db = openDb();
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        if (campaign.State != CampaignState.Completed) return [];
        var summary = await CampaignSummaries.ForAsync(db, campaign, ct);
        var covered = summary.ByJurisdiction.Select(j => j.Jurisdiction).ToList();
        var duties = (await db.Obligations.Where(o => o.IncidentId == campaign.IncidentId && o.Recipient == Recipient.Individuals
                                                      && o.Status != ObligationStatus.Superseded).ToListAsync(ct))
            .Where(d => covered.Any(j => IndividualsDutyProgress.Covers(d.Jurisdiction, j))).ToList();
        if (duties.Count == 0) return [];

        var now = clock.GetCurrentInstant();
        var fileName = ProofFileName(campaign.Id);
        var dutyIds = duties.ConvertAll(d => d.Id);
        var proofs = await db.EvidenceFiles.Where(e => e.ObligationId != null && dutyIds.Contains(e.ObligationId.Value) && e.FileName == fileName)
            .Select(e => new { ObligationId = e.ObligationId!.Value, e.Id }).ToDictionaryAsync(e => e.ObligationId, e => e.Id, ct);
        var missing = duties.Where(d => !proofs.ContainsKey(d.Id)).ToList();
        if (missing.Count > 0)
        {
            var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == campaign.IncidentId, ct);
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == campaign.OrganisationId, ct);
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(organisation.TimeZone) ?? DateTimeZone.Utc;
            var pdf = CampaignProof.Render(summary, incident.Reference, incident.Title, organisation.Name, now, zone);
            foreach (var duty in missing)
            {
                var file = new EvidenceFile(Guid.NewGuid(), campaign.OrganisationId, duty.Id, fileName, "application/pdf", pdf, Actor, now);
                db.EvidenceFiles.Add(file);
                proofs[duty.Id] = file.Id;
            }
            await new AuditLog(db, clock).AppendAsync(campaign.OrganisationId, campaign.IncidentId, Actor, "obligation.proof-attached",
                new { campaign = campaign.Id, name = campaign.Name, obligations = missing.ConvertAll(d => d.Id), sha256 = proofs.Count > 0 ? Sha(pdf) : null }, ct);
            await db.SaveChangesAsync(ct);
        }

        return await new IndividualsDutyProgress(db, engine ?? RulesEngine.Default, clock).RefreshAsync(campaign.IncidentId, covered, Actor,
            $"campaign '{campaign.Name}'", d => proofs.TryGetValue(d.Id, out var id) ? id : null, ct);
    }

    private static string Sha(byte[] pdf) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
}
