using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Reminders;

/// <summary>
/// An admin asks for a failed or uncertain mail to be tried again on the next sweep; a failed reminder behind it is
/// pending again. Mail that went out, or is already waiting, is left as it is.
/// </summary>
public sealed class RetryMail(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(Guid MailId);

    /// <returns>The mail, and whether it will be tried again.</returns>
    public async Task<Outcome<(MailLogEntry Mail, bool Retried)>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, now)) return Outcome<(MailLogEntry, bool)>.Forbidden();
        var entry = await db.MailLog.SingleOrDefaultAsync(m => m.Id == request.MailId && m.OrganisationId == actor.OrganisationId, ct);
        if (entry is null) return Outcome<(MailLogEntry, bool)>.NotFound();
        if (entry.State is not (MailState.Failed or MailState.Uncertain)) return Outcome<(MailLogEntry, bool)>.Ok((entry, false));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        entry.State = MailState.RetryLater;
        entry.NextAttemptAt = now;
        if (entry.Key.StartsWith("reminder:", StringComparison.Ordinal) && Guid.TryParseExact(entry.Key["reminder:".Length..], "N", out var reminderId))
            await db.Reminders.Where(r => r.Id == reminderId && r.State == ReminderState.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Pending), ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "mail.retry", new { entry.Id, entry.Recipient, entry.Subject }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<(MailLogEntry, bool)>.Ok((entry, true));
    }
}
