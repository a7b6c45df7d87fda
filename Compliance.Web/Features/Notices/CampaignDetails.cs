using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// One campaign as the API answers it, read as the Campaign page reads it: its progress, who falls back to another
/// language, and the unconfirmed Message-IDs; times in the organisation's zone.
/// </summary>
public sealed class CampaignDetails(CampaignProgress progress, CampaignFallbacks fallbacks, UnconfirmedMessages unconfirmed, ReaderZones zones)
{
    public async Task<Outcome<CampaignResource>> GetAsync(Actor actor, CampaignRef campaign, CancellationToken ct = default)
    {
        var summary = await progress.GetAsync(actor, campaign, ct);
        if (!summary.IsOk) return summary.Refusal<CampaignResource>();
        var languages = (await fallbacks.GetAsync(actor, campaign, ct)).Value ?? [];
        var ids = summary.Value!.Unconfirmed > 0 ? (await unconfirmed.GetAsync(actor, campaign, ct)).Value ?? [] : [];
        return Outcome<CampaignResource>.Ok(CampaignResource.From(summary.Value!, actor.Email, await ZoneAsync(actor, ct), languages, ids));
    }

    public async Task<string> ZoneAsync(Actor actor, CancellationToken ct) => (await zones.ForAsync(actor, ct)).Organisation.Id;
}
