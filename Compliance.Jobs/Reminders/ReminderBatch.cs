using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// Sends a chunk of due reminders that nothing has touched yet with two commits for the whole chunk: one that claims
/// every send-log row before any mail leaves, one that records every reply. The rows' unique keys still make each
/// reminder go once: if another run claimed any of them first, the claim fails as a whole and the chunk goes back to
/// <see cref="ReminderSender"/>, one reminder at a time. After a crash between the two commits, the chunk's rows are
/// left sending and flagged uncertain for a person to check (<see cref="InterruptedReminderSends"/>), never resent.
/// </summary>
internal sealed class ReminderBatch(Func<ComplianceDbContext> openDb, IMailTransport transport, ReminderComposer composer, IClock clock, ILogger log)
{
    /// <summary>Reminders claimed in one commit: bounds how many a crash can leave uncertain.</summary>
    public const int ChunkSize = 50;

    /// <summary>Mails in flight at once: the database is not touched while they go.</summary>
    public const int SendsInFlight = 4;

    public sealed record Sent(IReadOnlyList<MailOutcome?> Outcomes, IReadOnlyList<Guid> Left);

    /// <returns>The replies of the reminders sent here, and the ones left for one-at-a-time sending (retries, or all of
    /// them when another run claimed one first).</returns>
    public async Task<Sent> SendAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var db = openDb();
        var now = clock.GetCurrentInstant();
        // Through the due index (state, due instant), then by id: SQLite plans a bare "id in (...)" as a scan of every reminder.
        var reminders = await db.Reminders.Where(r => r.State == ReminderState.Pending && r.DueAt <= now && ids.Contains(r.Id)).ToListAsync(ct);
        var keys = reminders.Select(ReminderClaim.Key).ToList();
        var touched = (await db.MailLog.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet();
        var fresh = reminders.Where(r => !touched.Contains(ReminderClaim.Key(r))).ToList();
        var left = reminders.Where(r => touched.Contains(ReminderClaim.Key(r))).Select(r => r.Id).ToList();
        // Sent, cancelled or failed since the sweep read them: nothing to do (null outcomes, counted as skipped).
        var gone = Enumerable.Repeat<MailOutcome?>(null, ids.Count - reminders.Count).ToList();
        if (fresh.Count == 0) return new(gone, left);

        var work = (await ReminderFacts.ReadAsync(db, fresh, ct)).Select(f =>
        {
            var mail = composer.Compose(f, now);
            return (f.Reminder, Mail: mail, Entry: new MailLogEntry(f.Reminder.OrganisationId, ReminderClaim.Key(f.Reminder), f.User.Email, mail.Subject, now));
        }).ToList();
        // Claimed in key order: two runs that claim overlapping chunks then wait on each other's first shared key instead
        // of deadlocking on two keys taken in opposite orders.
        work.Sort((a, b) => string.CompareOrdinal(a.Entry.Key, b.Entry.Key));
        db.MailLog.AddRange(work.Select(w => w.Entry));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
        {
            // Another run claimed one of them first (a unique key, or PostgreSQL's deadlock detector, which the execution
            // strategy wraps): nothing was claimed here, and one at a time decides who sends what.
            return new([], ids);
        }

        var results = new MailResult[work.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = SendsInFlight, CancellationToken = ct },
            async (i, token) => results[i] = await transport.SendAsync(work[i].Mail, token));

        var successors = new List<Reminder>();
        for (var i = 0; i < work.Count; i++)
        {
            if (ReminderReply.Record(work[i].Entry, work[i].Reminder, work[i].Mail, results[i], now)) successors.Add(work[i].Reminder);
            ReminderReply.LogRefusal(log, work[i].Reminder, results[i], work[i].Entry);
        }
        await ReminderReply.PlanSuccessorsAsync(db, successors, clock, ct);
        await db.SaveChangesAsync(ct);
        return new([.. gone, .. results.Select(r => (MailOutcome?)r.Outcome)], left);
    }
}
