using System.Diagnostics;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Sends approved campaigns, a chunk at a time: claim the chunk (committed), render each person's notice, hand the
/// chunk to the bulk transport, which releases each message only after its hand-off is committed, then record every
/// reply. Rate limits (per second, per day) and temporary refusals (4xx, with backoff) are honoured; people flagged
/// since the campaign was prepared are withheld. A campaign is sent by one run at a time, on any server: the run
/// holds the campaign's lease row, renews it while sending and before every chunk, releases nothing once it is no
/// longer sure of it, and stops if it is lost.
/// What a run finds claimed when it takes the lease was left by a holder that died, and <see cref="RecoverAsync"/>
/// settles it.
/// </summary>
public sealed class CampaignSender(
    Func<ComplianceDbContext> openDb, IBulkMailTransport transport, IPeopleDataProtector protector, NoticeTemplates templates,
    CampaignOptions options, MailOptions mail, IClock clock, Leases leases, ILogger<CampaignSender> log)
{
    /// <summary>Temporary refusals of one message before it is given up as failed.</summary>
    public const int MaxAttempts = 8;

    public const string UnconfirmedReply =
        "unconfirmed: the sender was sending it (its release was recorded) and stopped before the server's reply was recorded; "
        + "check the mail server's log for the Message-ID, and resend from the campaign page only if it is not there";

    public sealed record Pass(int Sent, int Unconfirmed, int RetryLater, int Failed, int Withheld, int Requeued, int HandOffCommits, TimeSpan HandOffCommitTime,
        int HeldElsewhere = 0);

    private sealed class Tally
    {
        public int Sent, Unconfirmed, RetryLater, Failed, Withheld, Requeued, Commits, HeldElsewhere;
        public TimeSpan CommitTime;
        public Pass ToPass() => new(Sent, Unconfirmed, RetryLater, Failed, Withheld, Requeued, Commits, CommitTime, HeldElsewhere);
    }

    public static string LeaseName(Guid campaignId) => $"campaign:{campaignId:N}";

    public async Task<Pass> RunAsync(CancellationToken ct = default)
    {
        var tally = new Tally();
        List<Guid> due, interrupted;
        await using (var db = openDb())
        {
            var now = clock.GetCurrentInstant();
            due = await db.Campaigns.Where(c => c.State == CampaignState.Sending && (c.ResumeAt == null || c.ResumeAt <= now))
                .OrderBy(c => c.ApprovedAt).Select(c => c.Id).ToListAsync(ct);
            // Campaigns with people left claimed (by a run that died), whatever their state now: settled too.
            interrupted = await db.CampaignRecipients.Where(r => r.State == RecipientState.Sending).Select(r => r.CampaignId).Distinct().ToListAsync(ct);
        }
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
                tally.Requeued += await RecoverAsync(id, heartbeat.Lost);
                if (due.Contains(id)) await SendCampaignAsync(id, lease, tally, heartbeat.Lost);
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
    /// Settles what a dead holder left claimed in this campaign; call it only while holding the campaign's lease (a
    /// live holder's claims are its own). Without a hand-off record the message was never released, so the server
    /// cannot have it: back to the queue. With one, it was being sent (at most one such message per connection) and
    /// may have arrived, so it is not sent again: sent, unconfirmed.
    /// </summary>
    public async Task<int> RecoverAsync(Guid campaignId, CancellationToken ct = default)
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

    private async Task SendCampaignAsync(Guid campaignId, Lease lease, Tally tally, CancellationToken ct)
    {
        var pace = Stopwatch.StartNew();
        long releasedSoFar = 0;
        // Read with the first chunk, after the check that the notice is still the one approved; the same for every chunk.
        (DateTimeZone Zone, IReadOnlyDictionary<string, string> Fields)? notice = null;
        while (!ct.IsCancellationRequested)
        {
            await using var db = openDb();
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct);
            if (campaign.State != CampaignState.Sending) return;
            var now = clock.GetCurrentInstant();
            if (notice is null)
            {
                if (await TemplatesChangedAsync(db, campaign, ct)) return;
                var zone = await db.Organisations.Where(o => o.Id == campaign.OrganisationId).Select(o => o.TimeZone).SingleAsync(ct);
                notice = (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc, NoticeFields.Thaw(campaign.Fields));
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

            // Queued people first, in key order (the index serves this without touching what was sent), then retries now due.
            var chunk = await db.CampaignRecipients.AsNoTracking()
                .Where(r => r.CampaignId == campaignId && r.State == RecipientState.Queued)
                .OrderBy(r => r.PersonId).Take(budget).ToListAsync(ct);
            if (chunk.Count < budget)
                chunk.AddRange(await db.CampaignRecipients.AsNoTracking()
                    .Where(r => r.CampaignId == campaignId && r.State == RecipientState.RetryLater && r.NextAttemptAt <= now)
                    .OrderBy(r => r.PersonId).Take(budget - chunk.Count).ToListAsync(ct));
            if (chunk.Count == 0)
            {
                await FinishOrWaitAsync(db, campaign, now, ct);
                return;
            }

            // The claim commits before anything leaves: a crash from here on is settled by RecoverAsync. It is made
            // only just after the lease was confirmed ours, so no other run can be claiming or recovering these people.
            if (!await lease.RenewAsync(ct)) return;
            var claimed = chunk.ConvertAll(r => r.PersonId);
            await db.CampaignRecipients.Where(r => r.CampaignId == campaignId && claimed.Contains(r.PersonId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecipientState.Sending).SetProperty(r => r.Attempts, r => r.Attempts + 1)
                    .SetProperty(r => r.NextAttemptAt, (Instant?)null), ct);
            foreach (var r in chunk) r.Attempts++;
            if (campaign.ResumeAt is not null || campaign.StatusNote is not null)
            {
                (campaign.ResumeAt, campaign.StatusNote) = (null, null);
                await db.SaveChangesAsync(ct);
            }

            var composed = await ComposeAsync(db, chunk, notice.Value.Fields, now.InZone(notice.Value.Zone).Date, campaign.Id);
            var sending = composed.Sending;
            var finals = composed.Withheld.ConvertAll(r => new RecipientLogWriter.Result(r.PersonId, RecipientState.Withheld, false, null, null,
                "not emailed: a safety flag or a trusted contact was set, or the address removed, after the campaign was prepared; reach them as the manual-contact worklist says",
                r.Attempts, null, null, null));
            tally.Withheld += finals.Count;
            var handedAt = new Instant?[sending.Count];
            var acceptedAt = new Instant?[sending.Count];
            await using var sendLog = await RecipientLogWriter.OpenAsync(openDb(), campaignId, ct);
            var handOff = new GroupCommitHandOff(async group =>
            {
                // A holder that stalled past its lease may have been replaced, and its claims requeued: then these
                // messages must not leave. Throwing here means they are never released.
                if (!lease.SafeToActAt(clock.GetCurrentInstant())) throw new LeaseLostException(lease.Name);
                var at = clock.GetCurrentInstant();
                await sendLog.CommitHandOffAsync(at,
                    group.Released.Select(i => new RecipientLogWriter.Released(sending[i].Row.PersonId, sending[i].Mail.MessageId, sending[i].Template)).ToList(),
                    group.Accepted.Select(a => new RecipientLogWriter.Accepted(sending[a.Index].Row.PersonId, MailResult.Stored(a.Reply))).ToList(),
                    group.Withdrawn.Select(i => sending[i].Row.PersonId).ToList());
                foreach (var i in group.Released) handedAt[i] = at;
                foreach (var i in group.Withdrawn) handedAt[i] = null;
                foreach (var (i, _) in group.Accepted) acceptedAt[i] = at;
            });
            var results = sending.Count == 0 ? [] : await transport.SendManyAsync(sending.ConvertAll(s => s.Mail), handOff, ct);
            await handOff.DrainAsync();
            // Records withdrawn after the last commit: those messages were never released, and their results say so.
            foreach (var i in handOff.Uncommitted()) handedAt[i] = null;
            tally.Commits += handOff.Commits;
            tally.CommitTime += handOff.CommitTime;

            now = clock.GetCurrentInstant();
            var temporary = 0;
            var fewestAttempts = int.MaxValue;
            string? firstRefusal = null;
            for (var i = 0; i < sending.Count; i++)
            {
                var ((row, mail, template), result) = (sending[i], results[i]);
                RecipientLogWriter.Result Final(RecipientState state, bool confirmed = false, Instant? sentAt = null, string? reply = null, int? attempts = null, Instant? next = null) =>
                    new(row.PersonId, state, confirmed, handedAt[i], sentAt, MailResult.Stored(reply ?? result.Reply), attempts ?? row.Attempts, next, mail.MessageId, template);
                switch (result.Outcome)
                {
                    case MailOutcome.Sent:
                        tally.Sent++;
                        if (acceptedAt[i] is null) finals.Add(Final(RecipientState.Sent, confirmed: true, sentAt: now)); // else committed already
                        break;
                    case MailOutcome.RetryLater when handedAt[i] is { } at:
                        finals.Add(Final(RecipientState.Sent, sentAt: at));
                        tally.Unconfirmed++;
                        break;
                    case MailOutcome.RetryLater when ct.IsCancellationRequested:
                        finals.Add(Final(RecipientState.Queued, attempts: row.Attempts - 1));
                        break;
                    case MailOutcome.RetryLater when row.Attempts >= MaxAttempts:
                        finals.Add(Final(RecipientState.Failed, reply: $"gave up after {row.Attempts} temporary refusals; the last: {result.Reply}"));
                        tally.Failed++;
                        break;
                    case MailOutcome.RetryLater:
                        finals.Add(Final(RecipientState.RetryLater, next: now + Backoff(row.Attempts)));
                        firstRefusal ??= result.Reply;
                        fewestAttempts = Math.Min(fewestAttempts, row.Attempts);
                        temporary++;
                        tally.RetryLater++;
                        break;
                    default:
                        finals.Add(Final(RecipientState.Failed));
                        tally.Failed++;
                        break;
                }
            }
            await sendLog.CommitResultsAsync(finals);
            releasedSoFar += handedAt.Count(h => h is not null);
            // When the server turns most of a chunk away for now, it is asking us to slow down: pause the campaign, longer
            // each time the same people are turned away (30 s, 1 min, 2 min, ... 30 min).
            if (temporary > 0 && temporary * 2 >= sending.Count && !ct.IsCancellationRequested)
            {
                campaign.ResumeAt = now + Duration.FromSeconds(Math.Min(1800, 30 << Math.Min(6, fewestAttempts - 1)));
                campaign.StatusNote = $"The mail server turned away {temporary} of {sending.Count} messages for now ({firstRefusal}); sending resumes at {Utc(campaign.ResumeAt.Value)}.";
                await db.SaveChangesAsync(CancellationToken.None);
            }
            if (campaign.ResumeAt is not null) return;

            if (options.MessagesPerSecond > 0)
            {
                var wait = TimeSpan.FromSeconds(releasedSoFar / (double)options.MessagesPerSecond) - pace.Elapsed;
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

    private sealed record Composed(List<(CampaignRecipient Row, OutgoingMail Mail, string Template)> Sending, List<CampaignRecipient> Withheld);

    // Decrypting and rendering a thousand notices is CPU work: spread it over the cores.
    private async Task<Composed> ComposeAsync(ComplianceDbContext db, List<CampaignRecipient> chunk, IReadOnlyDictionary<string, string> frozen,
        LocalDate noticeDate, Guid campaignId)
    {
        var ids = chunk.ConvertAll(r => r.PersonId);
        var people = await db.AffectedPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var mails = new (OutgoingMail Mail, string Template)?[chunk.Count];
        Parallel.For(0, chunk.Count, i =>
        {
            var r = chunk[i];
            if (!people.TryGetValue(r.PersonId, out var person) || person.NeedsManualContact) return;
            var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(person.ProtectedDetails))!;
            var notice = templates.Render(r.Jurisdiction, r.Language, NoticeFields.ForPerson(frozen, details.Name, noticeDate));
            notice = NoticeTemplates.Redact(notice, person.ProtectedRedactions is { } redactions ? protector.Unprotect(redactions) : null);
            mails[i] = (new OutgoingMail(details.Email!, notice.Subject, notice.Text, notice.Html, r.MessageId ?? MessageId(campaignId, r.PersonId),
                Headers(notice.Language)), $"{notice.TemplateKey}/{notice.Language}");
        });
        var composed = new Composed([], []);
        for (var i = 0; i < chunk.Count; i++)
        {
            if (mails[i] is { } m) composed.Sending.Add((chunk[i], m.Mail, m.Template));
            else composed.Withheld.Add(chunk[i]);
        }
        return composed;
    }

    private static Dictionary<string, string> Headers(string language) => new()
    {
        ["Content-Language"] = language,
        ["Auto-Submitted"] = "auto-generated",
    };

    /// <summary>
    /// Whether what the campaign would send is still what was prepared and approved: its frozen fields and the
    /// templates of its recipients' jurisdictions and languages, hashed again.
    /// </summary>
    public static async Task<bool> NoticeUnchangedAsync(ComplianceDbContext db, NoticeTemplates templates, Campaign campaign, CancellationToken ct)
    {
        var groups = await db.CampaignRecipients.Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.Jurisdiction, r.Language }).Distinct().ToListAsync(ct);
        return templates.Hash(campaign.Fields, groups.Select(g => (g.Jurisdiction, g.Language))) == campaign.TemplateHash;
    }

    private async Task<bool> TemplatesChangedAsync(ComplianceDbContext db, Campaign campaign, CancellationToken ct)
    {
        if (await NoticeUnchangedAsync(db, templates, campaign, ct)) return false;
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
        if (campaign.State == CampaignState.Completed) await new CampaignFulfilment(openDb, clock, log).CampaignFinishedAsync(campaign.Id, ct);
    }

    /// <summary>The same for every attempt at this person's notice, so a resend shows as one message in their mail program.</summary>
    public string MessageId(Guid campaignId, Guid personId) => $"<notice.{campaignId:N}.{personId:N}@{MailDomain(mail.From)}>";

    private static string MailDomain(string address) => address[(address.LastIndexOf('@') + 1)..].Trim('>', ' ');

    private static Duration Backoff(int attempts) => Duration.FromMinutes(Math.Min(360, Math.Pow(3, Math.Min(attempts - 1, 6))));

    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm' UTC'");

    private static string Utc(Instant at) => UtcPattern.Format(at);
}
