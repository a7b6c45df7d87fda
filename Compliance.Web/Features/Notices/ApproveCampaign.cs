using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// The two-person rule: someone other than who prepared a campaign, a security lead or legal officer too, approves it,
/// and sending starts. A campaign with people who fall back to a template in another language is approved only by
/// someone who was shown them (<see cref="CampaignFallbacks"/>); the audit entry records what they saw.
/// </summary>
public sealed class ApproveCampaign(ComplianceDbContext db, CampaignLookup campaigns, NoticeTemplates templates, CampaignTrigger trigger, IClock clock)
{
    public sealed record Request(Guid IncidentId, Guid CampaignId, bool FallbacksSeen = false);

    public async Task<Outcome<Campaign>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var found = await campaigns.FindAsync(actor, request.IncidentId, request.CampaignId, ct);
        if (!found.IsOk) return found;
        var campaign = found.Value!;
        if (campaign.State != CampaignState.AwaitingApproval) return Outcome<Campaign>.Conflict($"This campaign is {KebabCase<CampaignState>.ToId(campaign.State)}, not awaiting approval.");
        if (string.Equals(campaign.CreatedBy, actor.Email, StringComparison.OrdinalIgnoreCase))
            return Outcome<Campaign>.Invalid("approver", "You prepared this campaign, so someone else must approve it: a second security lead or legal officer.");
        if (!await CampaignSender.NoticeUnchangedAsync(db, templates, campaign, ct))
            return Outcome<Campaign>.Invalid("notice", "The notice templates changed after this campaign was prepared: cancel it and prepare it again, so that what is approved is what is sent.");
        var groups = await CampaignRecipientGroups.OfAsync(db, campaign.Id, ct);
        var frozen = NoticeFields.Thaw(campaign.Fields);
        var missing = NoticeLanguageNeeds.Missing(NoticeLanguageNeeds.Needs(groups, templates, l => NoticeFields.HasText(frozen, l)), "in this campaign");
        if (missing.Count > 0) return Outcome<Campaign>.Invalid(new Dictionary<string, string[]> { ["notice"] = [.. missing] });
        var fallbacks = NoticeLanguageNeeds.Fallbacks(groups, templates);
        if (fallbacks.Count > 0 && !request.FallbacksSeen)
            return Outcome<Campaign>.Invalid("fallbacks", $"{string.Join(" ", fallbacks.Select(f => f.Sentence))} Confirm you have seen this to approve.");
        campaign.Approve(actor.Email, clock.GetCurrentInstant());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "campaign.approved",
            new
            {
                campaign = campaign.Id, preparedBy = campaign.CreatedBy, templateHash = campaign.TemplateHash,
                languageFallbacksSeen = fallbacks.Select(f => new { readerLanguage = f.ReaderLanguage, templateLanguage = f.TemplateLanguage, people = f.People }),
            }, ct);
        await db.SaveChangesAsync(ct);
        await trigger.RunSoonAsync(ct);
        return Outcome<Campaign>.Ok(campaign);
    }
}
