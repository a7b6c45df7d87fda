using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// Sends again the messages released to the server whose reply was lost (all, or those with the given Message-IDs),
/// after someone checked the server's log and did not find them; with the same Message-ID, so a copy that did
/// arrive shows once in the person's mail program. The result is how many were put back in the queue.
/// </summary>
public sealed class ResendUnconfirmed(ComplianceDbContext db, CampaignLookup campaigns, CampaignTrigger trigger, IClock clock)
{
    /// <summary>Null <paramref name="MessageIds"/>: every unconfirmed message.</summary>
    public sealed record Request(Guid IncidentId, Guid CampaignId, IReadOnlyCollection<string>? MessageIds = null);

    public async Task<Outcome<int>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var found = await campaigns.FindAsync(actor, request.IncidentId, request.CampaignId, ct);
        if (!found.IsOk) return new(found.Status, 0, found.Errors);
        var campaign = found.Value!;
        if (campaign.State is not (CampaignState.Sending or CampaignState.Completed))
            return Outcome<int>.Conflict($"This campaign is {KebabCase<CampaignState>.ToId(campaign.State)}: nothing is resent.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unconfirmed = db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id && r.State == RecipientState.Sent && !r.Confirmed);
        if (request.MessageIds is { } chosen)
        {
            var ids = chosen.Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
            unconfirmed = unconfirmed.Where(r => ids.Contains(r.MessageId!));
        }
        var count = await unconfirmed
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Queued).SetProperty(r => r.HandedAt, (Instant?)null)
                .SetProperty(r => r.SentAt, (Instant?)null), ct);
        // Resending nothing (every unconfirmed message was found in the server's log) leaves a finished campaign finished.
        if (count > 0) campaign.Reopen();
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "campaign.resend-unconfirmed",
            new { campaign = campaign.Id, count, chosen = request.MessageIds is not null }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (count > 0) await trigger.RunSoonAsync(ct);
        return Outcome<int>.Ok(count);
    }
}
