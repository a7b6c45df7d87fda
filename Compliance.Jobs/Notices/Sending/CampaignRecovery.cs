using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// Settles what a dead holder left claimed in a campaign; used only while holding the campaign's lease (a live
/// holder's claims are its own). Without a hand-off record the message was never released, so the server cannot
/// have it: back to the queue. With one, it was being sent (at most one such message per connection) and may have
/// arrived, so it is not sent again: sent, unconfirmed.
/// </summary>
internal sealed class CampaignRecovery(Func<ComplianceDbContext> openDb, ILogger log)
{
    public const string UnconfirmedReply =
        "unconfirmed: the sender was sending it (its release was recorded) and stopped before the server's reply was recorded; "
        + "check the mail server's log for the Message-ID, and resend from the campaign page only if it is not there";

    /// <summary>Returns how many people went back to the queue.</summary>
    public async Task<int> RecoverAsync(Guid campaignId, CancellationToken ct)
    {
        await using var db = openDb();
        var requeued = await db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.State == RecipientState.Sending && r.HandedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Queued).SetProperty(r => r.Attempts, r => r.Attempts - 1), ct);
        var unconfirmed = await db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.State == RecipientState.Sending && r.HandedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Sent).SetProperty(r => r.Confirmed, false)
                .SetProperty(r => r.SentAt, r => r.HandedAt).SetProperty(r => r.ServerReply, UnconfirmedReply), ct);
        if (requeued + unconfirmed > 0)
            log.LogWarning("Recovered an interrupted campaign send: {Requeued} message(s) never released went back to the queue; {Unconfirmed} released but unconfirmed", requeued, unconfirmed);
        return requeued;
    }
}
