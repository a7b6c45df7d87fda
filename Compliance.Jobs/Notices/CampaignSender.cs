using System.Diagnostics;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Sends approved campaigns, a chunk at a time: claim the chunk (committed), render each person's notice, hand the
/// chunk to the bulk transport, which releases each message only after its hand-off is committed, then record every
/// reply. Rate limits (per second, per day) and temporary refusals (4xx, with backoff) are honoured; people flagged
/// since the campaign was prepared are withheld. One sender runs at a time (the Quartz job does not run concurrently,
/// in a cluster too): what it finds claimed when it starts was left by a crash, and <see cref="RecoverAsync"/> settles it.
/// </summary>
public sealed class CampaignSender(
    Func<ComplianceDbContext> openDb, IBulkMailTransport transport, IPeopleDataProtector protector, NoticeTemplates templates,
    CampaignOptions options, MailOptions mail, IClock clock, ILogger<CampaignSender> log)
{
    /// <summary>Temporary refusals of one message before it is given up as failed.</summary>
    public const int MaxAttempts = 8;

    public const string UnconfirmedReply =
        "unconfirmed: released to the server in full, but the sender stopped before the server's reply was recorded; "
        + "check the mail server's log for the Message-ID, and resend from the campaign page only if it is not there";

    public sealed record Pass(int Sent, int Unconfirmed, int RetryLater, int Failed, int Withheld, int Requeued, int HandOffCommits);

    private sealed class Tally
    {
        public int Sent, Unconfirmed, RetryLater, Failed, Withheld, Requeued, Commits;
        public Pass ToPass() => new(Sent, Unconfirmed, RetryLater, Failed, Withheld, Requeued, Commits);
    }

    public async Task<Pass> RunAsync(CancellationToken ct = default)
    {
        var tally = new Tally { Requeued = await RecoverAsync(ct) };
        List<Guid> due;
        await using (var db = openDb())
        {
            var now = clock.GetCurrentInstant();
            due = await db.Campaigns.Where(c => c.State == CampaignState.Sending && (c.ResumeAt == null || c.ResumeAt <= now))
                .OrderBy(c => c.ApprovedAt).Select(c => c.Id).ToListAsync(ct);
        }
        foreach (var id in due)
        {
            if (ct.IsCancellationRequested) break;
            await SendCampaignAsync(id, tally, ct);
        }
        return tally.ToPass();
    }

    /// <summary>
    /// Settles what a crash left claimed. Without a hand-off record the message was never released, so the server
    /// cannot have it: back to the queue. With one, it was released in full and is not sent again: sent, unconfirmed.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct = default)
    {
        await using var db = openDb();
        var requeued = await db.CampaignRecipients.Where(r => r.State == RecipientState.Sending && r.HandedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Queued).SetProperty(r => r.Attempts, r => r.Attempts - 1), ct);
        var unconfirmed = await db.CampaignRecipients.Where(r => r.State == RecipientState.Sending && r.HandedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Sent).SetProperty(r => r.Confirmed, false)
                .SetProperty(r => r.SentAt, r => r.HandedAt).SetProperty(r => r.ServerReply, UnconfirmedReply), ct);
        if (requeued + unconfirmed > 0)
            log.LogWarning("Recovered an interrupted campaign send: {Requeued} message(s) never released went back to the queue; {Unconfirmed} released but unconfirmed", requeued, unconfirmed);
        return requeued;
    }

    private async Task SendCampaignAsync(Guid campaignId, Tally tally, CancellationToken ct)
    {
        var pace = Stopwatch.StartNew();
        long released = 0;
        var checkedHash = false;
        while (!ct.IsCancellationRequested)
        {
            await using var db = openDb();
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct);
            if (campaign.State != CampaignState.Sending) return;
            var now = clock.GetCurrentInstant();
            if (!checkedHash)
            {
                if (await TemplatesChangedAsync(db, campaign, ct)) return;
                checkedHash = true;
            }

            var budget = options.ChunkSize;
            if (options.MessagesPerDay > 0)
            {
                var since = now - Duration.FromDays(1);
                var used = await db.CampaignRecipients.CountAsync(r => r.OrganisationId == campaign.OrganisationId && r.HandedAt > since, ct);
                if (used >= options.MessagesPerDay)
                {
                    var oldest = await db.CampaignRecipients.Where(r => r.OrganisationId == campaign.OrganisationId && r.HandedAt > since)
                        .MinAsync(r => r.HandedAt, ct);
                    campaign.ResumeAt = (oldest ?? now) + Duration.FromDays(1);
                    campaign.StatusNote = $"The daily limit of {options.MessagesPerDay:N0} messages is reached; sending resumes at {Utc(campaign.ResumeAt.Value)}.";
                    await db.SaveChangesAsync(ct);
                    return;
                }
                budget = Math.Min(budget, options.MessagesPerDay - used);
            }

            var chunk = await db.CampaignRecipients
                .Where(r => r.CampaignId == campaignId && (r.State == RecipientState.Queued || (r.State == RecipientState.RetryLater && r.NextAttemptAt <= now)))
                .OrderBy(r => r.PersonId).Take(budget).ToListAsync(ct);
            if (chunk.Count == 0)
            {
                await FinishOrWaitAsync(db, campaign, now, ct);
                return;
            }

            // The claim commits before anything leaves: a crash from here on is settled by RecoverAsync.
            foreach (var r in chunk)
            {
                r.State = RecipientState.Sending;
                r.Attempts++;
                r.NextAttemptAt = null;
                r.MessageId ??= MessageId(campaign.Id, r.PersonId);
            }
            campaign.ResumeAt = null;
            campaign.StatusNote = null;
            await db.SaveChangesAsync(ct);

            var (sending, mails) = await ComposeAsync(db, campaign, chunk, now, tally);
            var handedAt = new Instant?[sending.Count];
            var acceptedAt = new Instant?[sending.Count];
            var handOff = new GroupCommitHandOff(async (released, acceptances) =>
            {
                await using var commitDb = openDb();
                await using var transaction = await commitDb.Database.BeginTransactionAsync(CancellationToken.None);
                var at = clock.GetCurrentInstant();
                var people = released.Select(i => sending[i].PersonId).ToList();
                await commitDb.CampaignRecipients.Where(r => r.CampaignId == campaignId && people.Contains(r.PersonId))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.HandedAt, at), CancellationToken.None);
                foreach (var (i, reply) in acceptances)
                {
                    var person = sending[i].PersonId;
                    var text = Trim(reply);
                    await commitDb.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.PersonId == person)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Sent).SetProperty(r => r.Confirmed, true)
                            .SetProperty(r => r.SentAt, at).SetProperty(r => r.ServerReply, text), CancellationToken.None);
                }
                await transaction.CommitAsync(CancellationToken.None);
                foreach (var i in released) handedAt[i] = at;
                foreach (var (i, _) in acceptances) acceptedAt[i] = at;
            });
            var results = sending.Count == 0 ? [] : await transport.SendManyAsync(mails, handOff, ct);
            tally.Commits += handOff.Commits;

            now = clock.GetCurrentInstant();
            var temporary = 0;
            var fewestAttempts = int.MaxValue;
            string? firstRefusal = null;
            for (var i = 0; i < sending.Count; i++)
            {
                var (r, result) = (sending[i], results[i]);
                r.ServerReply = Trim(result.Reply);
                r.HandedAt = handedAt[i];
                switch (result.Outcome)
                {
                    case MailOutcome.Sent:
                        (r.State, r.Confirmed, r.SentAt) = (RecipientState.Sent, true, acceptedAt[i] ?? now);
                        tally.Sent++;
                        break;
                    case MailOutcome.RetryLater when handedAt[i] is { } at:
                        (r.State, r.Confirmed, r.SentAt) = (RecipientState.Sent, false, at);
                        tally.Unconfirmed++;
                        break;
                    case MailOutcome.RetryLater when ct.IsCancellationRequested:
                        (r.State, r.Attempts) = (RecipientState.Queued, r.Attempts - 1);
                        break;
                    case MailOutcome.RetryLater when r.Attempts >= MaxAttempts:
                        r.State = RecipientState.Failed;
                        r.ServerReply = Trim($"gave up after {r.Attempts} temporary refusals; the last: {r.ServerReply}");
                        tally.Failed++;
                        break;
                    case MailOutcome.RetryLater:
                        (r.State, r.NextAttemptAt) = (RecipientState.RetryLater, now + Backoff(r.Attempts));
                        firstRefusal ??= result.Reply;
                        fewestAttempts = Math.Min(fewestAttempts, r.Attempts);
                        temporary++;
                        tally.RetryLater++;
                        break;
                    default:
                        r.State = RecipientState.Failed;
                        tally.Failed++;
                        break;
                }
            }
            released += handedAt.Count(h => h is not null);
            // When the server turns most of a chunk away for now, it is asking us to slow down: pause the campaign, longer
            // each time the same people are turned away (30 s, 1 min, 2 min, ... 30 min).
            if (temporary > 0 && temporary * 2 >= sending.Count && !ct.IsCancellationRequested)
            {
                campaign.ResumeAt = now + Duration.FromSeconds(Math.Min(1800, 30 << Math.Min(6, fewestAttempts - 1)));
                campaign.StatusNote = $"The mail server turned away {temporary} of {sending.Count} messages for now ({firstRefusal}); sending resumes at {Utc(campaign.ResumeAt.Value)}.";
            }
            await db.SaveChangesAsync(CancellationToken.None);
            if (campaign.ResumeAt is not null) return;

            if (options.MessagesPerSecond > 0)
            {
                var wait = TimeSpan.FromSeconds(released / (double)options.MessagesPerSecond) - pace.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static string Trim(string reply) => reply.Length > 1000 ? reply[..1000] : reply;

    private async Task<(List<CampaignRecipient> Sending, List<OutgoingMail> Mails)> ComposeAsync(
        ComplianceDbContext db, Campaign campaign, List<CampaignRecipient> chunk, Instant now, Tally tally)
    {
        var ids = chunk.Select(r => r.PersonId).ToList();
        var people = await db.AffectedPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var zone = await db.Organisations.Where(o => o.Id == campaign.OrganisationId).Select(o => o.TimeZone).SingleAsync();
        var noticeDate = now.InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc).Date;
        var frozen = NoticeFields.Thaw(campaign.Fields);
        var sending = new List<CampaignRecipient>(chunk.Count);
        var mails = new List<OutgoingMail>(chunk.Count);
        foreach (var r in chunk)
        {
            if (!people.TryGetValue(r.PersonId, out var person) || person.NeedsManualContact)
            {
                r.State = RecipientState.Withheld;
                r.ServerReply = "not emailed: a safety flag or a trusted contact was set, or the address removed, after the campaign was prepared; reach them as the manual-contact worklist says";
                tally.Withheld++;
                continue;
            }
            var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(person.ProtectedDetails))!;
            var notice = templates.Render(r.Jurisdiction, r.Language, NoticeFields.ForPerson(frozen, details.Name, noticeDate));
            notice = NoticeTemplates.Redact(notice, person.ProtectedRedactions is { } redactions ? protector.Unprotect(redactions) : null);
            r.Template = $"{notice.TemplateKey}/{notice.Language}";
            mails.Add(new OutgoingMail(details.Email!, notice.Subject, notice.Text, notice.Html, r.MessageId!, Headers(notice.Language)));
            sending.Add(r);
        }
        return (sending, mails);
    }

    private static Dictionary<string, string> Headers(string language) => new()
    {
        ["Content-Language"] = language,
        ["Auto-Submitted"] = "auto-generated",
    };

    private async Task<bool> TemplatesChangedAsync(ComplianceDbContext db, Campaign campaign, CancellationToken ct)
    {
        var groups = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.Jurisdiction, r.Language }).Distinct().ToListAsync(ct);
        if (templates.Hash(campaign.Fields, groups.Select(g => (g.Jurisdiction, g.Language))) == campaign.TemplateHash) return false;
        const string note = "Stopped: the notice templates changed after this campaign was approved, so what would be sent is not what was approved. Cancel it and prepare a new one.";
        if (campaign.StatusNote != note)
        {
            campaign.StatusNote = note;
            await db.SaveChangesAsync(ct);
            log.LogError("Campaign {CampaignId} not sent: its templates changed after approval", campaign.Id);
        }
        return true;
    }

    private async Task FinishOrWaitAsync(ComplianceDbContext db, Campaign campaign, Instant now, CancellationToken ct)
    {
        var waiting = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id && r.State == RecipientState.RetryLater)
            .GroupBy(r => 1).Select(g => new { Count = g.Count(), Next = g.Min(r => r.NextAttemptAt) }).SingleOrDefaultAsync(ct);
        if (waiting is { Count: > 0, Next: { } next })
        {
            campaign.ResumeAt = next;
            campaign.StatusNote = $"{waiting.Count:N0} message(s) wait to be tried again after a temporary refusal; the next try is at {Utc(next)}.";
        }
        else
        {
            var counts = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id).GroupBy(r => r.State)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            campaign.Complete(now);
            await new AuditLog(db, clock).AppendAsync(campaign.OrganisationId, campaign.IncidentId, "scheduler", "campaign.completed",
                new { campaign = campaign.Id, name = campaign.Name, counts = counts.ToDictionary(c => Domain.Vocabulary.KebabCase<RecipientState>.ToId(c.Key), c => c.Count) }, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The same for every attempt at this person's notice, so a resend shows as one message in their mail program.</summary>
    public string MessageId(Guid campaignId, Guid personId) => $"<notice.{campaignId:N}.{personId:N}@{MailDomain(mail.From)}>";

    private static string MailDomain(string address) => address[(address.LastIndexOf('@') + 1)..].Trim('>', ' ');

    private static Duration Backoff(int attempts) => Duration.FromMinutes(Math.Min(360, Math.Pow(3, Math.Min(attempts - 1, 6))));

    private static string Utc(Instant at) => InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm' UTC'").Format(at);
}
