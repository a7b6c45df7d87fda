using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// Sends one due reminder on its own connection: compose it, claim its send-log row (<see cref="ReminderClaim"/>),
/// send, and record the reply: sent (late if it fell due long ago; a daily reminder or escalation plans its
/// successor), retried later with backoff after a 4xx reply, failed after a 5xx reply.
/// </summary>
internal sealed class ReminderSender(Func<ComplianceDbContext> openDb, IMailTransport transport, ReminderComposer composer, IClock clock, ILogger log)
{
    /// <returns>The outcome, or null when another run holds this reminder or it is waiting for its retry time.</returns>
    public async Task<MailOutcome?> SendAsync(Guid reminderId, CancellationToken ct)
    {
        await using var db = openDb();
        var reminder = await db.Reminders.SingleAsync(r => r.Id == reminderId, ct);
        if (reminder.State != ReminderState.Pending) return null;
        var now = clock.GetCurrentInstant();
        var key = ReminderClaim.Key(reminder);
        // Held by another run, interrupted, or waiting for its retry: nothing to compose.
        var existing = await db.MailLog.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key, ct);
        if (existing is not null && (existing.State != MailState.RetryLater || existing.NextAttemptAt > now)) return null;
        var user = await db.Users.SingleAsync(u => u.Id == reminder.UserId, ct);
        var mail = await composer.ComposeAsync(db, reminder, user, now, ct);

        if (await ReminderClaim.TakeAsync(db, reminder, key, existing, user.Email, mail.Subject, now, ct) is not { } entry) return null;

        var result = await transport.SendAsync(mail, ct);
        entry.ServerReply = result.StoredReply;
        switch (result.Outcome)
        {
            case MailOutcome.Sent:
                entry.State = MailState.Sent;
                entry.SentAt = now;
                entry.MessageId = mail.MessageId;
                reminder.MarkSent(now, now - reminder.DueAt > ReminderSweep.Settings.LateAfter, result.StoredReply);
                // The next daily reminder or escalation follows from this send: plan it now (the others are fixed by
                // the deadline, and already planned).
                if (reminder.Kind is ReminderKind.Daily or ReminderKind.Overdue)
                    await new ReminderPlanner(db, clock).SyncAsync(reminder.OrganisationId, reminder.IncidentId, ct);
                break;
            case MailOutcome.RetryLater:
                entry.State = MailState.RetryLater;
                entry.NextAttemptAt = now + Backoff(entry.Attempts);
                break;
            default:
                entry.State = MailState.Failed;
                reminder.MarkFailed(result.StoredReply);
                break;
        }
        await db.SaveChangesAsync(ct);
        if (result.Outcome != MailOutcome.Sent)
            log.LogWarning("Reminder {ReminderId} not sent ({Outcome}): {Reply}", reminder.Id, result.Outcome, entry.ServerReply);
        return result.Outcome;
    }

    private static Duration Backoff(int attempts) => Duration.FromMinutes(Math.Min(60 * 6, 2 * Math.Pow(3, Math.Min(attempts - 1, 6))));
}
