using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// A reminder send interrupted by a crash is never repeated blindly: a send-log row left sending for longer than
/// <see cref="ReminderSweep.Settings.UncertainAfter"/> is flagged uncertain, for a person to check.
/// </summary>
internal static class InterruptedReminderSends
{
    public static async Task FlagAsync(ComplianceDbContext db, Instant now, CancellationToken ct)
    {
        var stale = now - ReminderSweep.Settings.UncertainAfter;
        await db.MailLog.Where(m => m.State == MailState.Sending && m.CreatedAt < stale && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.Uncertain)
                .SetProperty(m => m.ServerReply, "interrupted while sending: check the mailbox, then retry from the Jobs page if it did not arrive"), ct);
    }
}
