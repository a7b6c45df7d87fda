using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices.Sending;
using Compliance.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Sends approved campaigns, a chunk at a time (<see cref="CampaignRun"/>): claim the chunk (committed), render each
/// person's notice, hand the chunk to the bulk transport, which releases each message only after its hand-off is
/// committed, then record every reply. Rate limits (per second, per day) and temporary refusals (4xx, with backoff)
/// are honoured; people flagged since the campaign was prepared are withheld. A campaign is sent by one run at a
/// time, on any server: the run holds the campaign's lease row, renews it while sending and before every chunk,
/// releases nothing once it is no longer sure of it, and stops if it is lost.
/// What a run finds claimed when it takes the lease was left by a holder that died, and <see cref="CampaignRecovery"/>
/// settles it.
/// </summary>
public sealed class CampaignSender
{
    /// <summary>Temporary refusals of one message before it is given up as failed.</summary>
    public const int MaxAttempts = ChunkResults.MaxAttempts;

    public const string UnconfirmedReply = CampaignRecovery.UnconfirmedReply;

    public sealed record Pass(int Sent, int Unconfirmed, int RetryLater, int Failed, int Withheld, int Requeued, int HandOffCommits, TimeSpan HandOffCommitTime,
        int HeldElsewhere = 0);

    private readonly Func<ComplianceDbContext> openDb;
    private readonly IClock clock;
    private readonly Leases leases;
    private readonly ILogger log;
    private readonly NoticeMessageIds messageIds;
    private readonly CampaignRecovery recovery;
    private readonly CampaignRun run;

    public CampaignSender(Func<ComplianceDbContext> openDb, IBulkMailTransport transport, IPeopleDataProtector protector, NoticeTemplates templates,
        CampaignOptions options, MailOptions mail, IClock clock, Leases leases, ILogger<CampaignSender> log, TimeProvider? time = null)
    {
        (this.openDb, this.clock, this.leases, this.log) = (openDb, clock, leases, log);
        messageIds = new NoticeMessageIds(mail);
        recovery = new CampaignRecovery(openDb, log);
        run = new CampaignRun(openDb, clock, time ?? TimeProvider.System, options, new ApprovedNotice(templates, log), new DailyLimit(options),
            new NoticeComposer(protector, templates, messageIds), new ChunkDelivery(transport, clock), new ChunkResults(clock),
            new CampaignFinish(openDb, clock, log));
    }

    public static string LeaseName(Guid campaignId) => $"campaign:{campaignId:N}";

    /// <summary>
    /// Whether what the campaign would send is still what was prepared and approved: its frozen fields and the
    /// templates of its recipients' jurisdictions and languages, hashed again.
    /// </summary>
    public static Task<bool> NoticeUnchangedAsync(ComplianceDbContext db, NoticeTemplates templates, Campaign campaign, CancellationToken ct) =>
        ApprovedNotice.UnchangedAsync(db, templates, campaign, ct);

    /// <summary>The same for every attempt at this person's notice, so a resend shows as one message in their mail program.</summary>
    public string MessageId(Guid campaignId, Guid personId) => messageIds.For(campaignId, personId);

    public async Task<Pass> RunAsync(CancellationToken ct = default)
    {
        var tally = new SendTally();
        var (due, interrupted) = await CampaignsToSendAsync(ct);
        foreach (var id in due.Concat(interrupted.Except(due)))
        {
            if (ct.IsCancellationRequested) break;
            var lease = leases.For(LeaseName(id));
            if (!await lease.TryTakeAsync(ct))
            {
                tally.HeldElsewhere++;
                continue;
            }
            try
            {
                await using var heartbeat = LeaseHeartbeat.Start(lease, leases.Settings.Heartbeat, ct);
                tally.Requeued += await recovery.RecoverAsync(id, heartbeat.Lost);
                if (due.Contains(id)) await run.SendAsync(id, lease, tally, heartbeat.Lost);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                log.LogWarning("Stopped sending campaign {CampaignId}: its lease was lost to another run", id);
            }
            finally
            {
                await lease.ReleaseAsync();
            }
        }
        return tally.ToPass();
    }

    /// <summary>
    /// The campaigns due to send now, oldest approval first, and those with people left claimed by a run that died,
    /// whatever their state now (settled too).
    /// </summary>
    private async Task<(List<Guid> Due, List<Guid> Interrupted)> CampaignsToSendAsync(CancellationToken ct)
    {
        await using var db = openDb();
        var now = clock.GetCurrentInstant();
        var due = await db.Campaigns.Where(c => c.State == CampaignState.Sending && (c.ResumeAt == null || c.ResumeAt <= now))
            .OrderBy(c => c.ApprovedAt).Select(c => c.Id).ToListAsync(ct);
        var interrupted = await db.CampaignRecipients.Where(r => r.State == RecipientState.Sending).Select(r => r.CampaignId).Distinct().ToListAsync(ct);
        return (due, interrupted);
    }
}
