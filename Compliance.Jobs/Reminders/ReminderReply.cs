using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Jobs.Mail;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// What the mail server's reply means for a reminder and its send-log row: sent (late if it fell due long ago; a daily
/// reminder or escalation plans its successor), retried later with backoff after a 4xx reply, failed after a 5xx.
/// </summary>
internal static class ReminderReply
{
    /// <returns>Whether the reminder's successor needs planning (a daily reminder or an escalation was sent).</returns>
    public static bool Record(MailLogEntry entry, Reminder reminder, OutgoingMail mail, MailResult result, Instant now)
    {
        entry.ServerReply = result.StoredReply;
        switch (result.Outcome)
        {
            case MailOutcome.Sent:
                entry.State = MailState.Sent;
                entry.SentAt = now;
                entry.MessageId = mail.MessageId;
                reminder.MarkSent(now, now - reminder.DueAt > ReminderSweep.Settings.LateAfter, result.StoredReply);
                // The next daily reminder or escalation follows from this send (the others are fixed by the deadline,
                // and already planned).
                return reminder.Kind is ReminderKind.Daily or ReminderKind.Overdue;
            case MailOutcome.RetryLater:
                entry.State = MailState.RetryLater;
                entry.NextAttemptAt = now + Backoff(entry.Attempts);
                break;
            default:
                entry.State = MailState.Failed;
                reminder.MarkFailed(result.StoredReply);
                break;
        }
        return false;
    }

    /// <summary>Plans the successors of the daily reminders and escalations just sent, once per incident, in the same save.</summary>
    public static async Task PlanSuccessorsAsync(ComplianceDbContext db, IEnumerable<Reminder> sent, IClock clock, CancellationToken ct)
    {
        foreach (var (organisationId, incidentId) in sent.Select(r => (r.OrganisationId, r.IncidentId)).Distinct())
            await new ReminderPlanner(db, clock).SyncAsync(organisationId, incidentId, ct);
    }

    public static void LogRefusal(ILogger log, Reminder reminder, MailResult result, MailLogEntry entry)
    {
        if (result.Outcome != MailOutcome.Sent)
            log.LogWarning("Reminder {ReminderId} not sent ({Outcome}): {Reply}", reminder.Id, result.Outcome, entry.ServerReply);
    }

    private static Duration Backoff(int attempts) => Duration.FromMinutes(Math.Min(60 * 6, 2 * Math.Pow(3, Math.Min(attempts - 1, 6))));
}
