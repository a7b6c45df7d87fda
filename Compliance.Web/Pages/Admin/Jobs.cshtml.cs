using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Pages.Admin;

/// <summary>For admins: what is about to be sent, what was sent, what failed (with the server's words), and a retry.</summary>
public sealed class JobsModel(CurrentActor current, ComplianceDbContext db, IClock clock) : PageModel
{
    public sealed record UpcomingReminder(Instant DueAt, string Email, string Reference, string Label);

    public List<MailLogEntry> Problems { get; private set; } = [];
    public List<MailLogEntry> Sent { get; private set; } = [];
    public List<UpcomingReminder> Upcoming { get; private set; } = [];
    public string? Message { get; private set; }
    private DateTimeZone zone = DateTimeZone.Utc;

    public string Local(Instant? at) => at is { } i ? Incidents.TimeText.Format(i, zone) : "";

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        await LoadAsync(actor.OrganisationId);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        var entry = await db.MailLog.SingleOrDefaultAsync(m => m.Id == id && m.OrganisationId == actor.OrganisationId);
        if (entry is null) return NotFound();
        if (entry.State is MailState.Failed or MailState.Uncertain)
        {
            entry.State = MailState.RetryLater;
            entry.NextAttemptAt = clock.GetCurrentInstant();
            if (entry.Key.StartsWith("reminder:", StringComparison.Ordinal) && Guid.TryParseExact(entry.Key["reminder:".Length..], "N", out var reminderId))
                await db.Reminders.Where(r => r.Id == reminderId && r.State == ReminderState.Failed)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Pending));
            await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "mail.retry", new { entry.Id, entry.Recipient, entry.Subject });
            await db.SaveChangesAsync();
            Message = $"The mail to {entry.Recipient} will be tried again on the next sweep.";
        }
        await LoadAsync(actor.OrganisationId);
        return Page();
    }

    private async Task LoadAsync(Guid orgId)
    {
        var org = await db.Organisations.SingleAsync(o => o.Id == orgId);
        zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(org.TimeZone) ?? DateTimeZone.Utc;
        Problems = await db.MailLog.Where(m => m.OrganisationId == orgId && (m.State == MailState.Failed || m.State == MailState.Uncertain || m.State == MailState.RetryLater))
            .OrderByDescending(m => m.CreatedAt).Take(100).ToListAsync();
        Sent = await db.MailLog.Where(m => m.OrganisationId == orgId && m.State == MailState.Sent).OrderByDescending(m => m.SentAt).Take(100).ToListAsync();
        Upcoming = await (from r in db.Reminders
                                   join u in db.Users on r.UserId equals u.Id
                                   join i in db.Incidents on r.IncidentId equals i.Id
                                   where r.OrganisationId == orgId && r.State == ReminderState.Pending
                                   orderby r.DueAt
                                   select new UpcomingReminder(r.DueAt, u.Email, i.Reference, r.Label)).Take(100).ToListAsync();
    }
}
