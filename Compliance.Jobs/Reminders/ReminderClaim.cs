using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// The send-log row that makes a reminder's send happen once: committed with its unique key before the mail leaves.
/// </summary>
internal static class ReminderClaim
{
    public static string Key(Reminder reminder) => $"reminder:{reminder.Id:N}";

    /// <summary>Takes the send-log row for this reminder: inserts it, or re-takes a row waiting for its retry. One winner.</summary>
    public static async Task<MailLogEntry?> TakeAsync(ComplianceDbContext db, Reminder reminder, string key, MailLogEntry? existing, string to,
        string subject, Instant now, CancellationToken ct)
    {
        if (existing is not null)
        {
            var taken = await db.MailLog.Where(m => m.Key == key && m.State == MailState.RetryLater && m.Attempts == existing.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.Sending).SetProperty(m => m.Attempts, existing.Attempts + 1), ct);
            return taken == 1 ? await db.MailLog.SingleAsync(m => m.Key == key, ct) : null;
        }
        var entry = new MailLogEntry(reminder.OrganisationId, key, to, subject, now);
        db.MailLog.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return entry;
        }
        catch (DbUpdateException)
        {
            return null; // another run inserted the same key first
        }
    }
}
