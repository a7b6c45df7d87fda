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
        var facts = (await ReminderFacts.ReadAsync(db, [reminder], ct))[0];
        var mail = composer.Compose(facts, now);

        if (await ReminderClaim.TakeAsync(db, reminder, key, existing, facts.User.Email, mail.Subject, now, ct) is not { } entry) return null;

        var result = await transport.SendAsync(mail, ct);
        if (ReminderReply.Record(entry, reminder, mail, result, now)) await ReminderReply.PlanSuccessorsAsync(db, [reminder], clock, ct);
        await db.SaveChangesAsync(ct);
        ReminderReply.LogRefusal(log, reminder, result, entry);
        return result.Outcome;
    }
}
