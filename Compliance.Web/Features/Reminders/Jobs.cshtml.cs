using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Reminders;

/// <summary>For admins: what is about to be sent, what was sent, what failed (with the server's words), and a retry.</summary>
public sealed class JobsModel(CurrentActor current, ComplianceDbContext db, IClock clock) : PageModel
{
    public sealed record UpcomingReminder(Instant DueAt, string Email, string Reference, string Label, DutyLink Duty);

    /// <summary>The duty a reminder is about, linked to its row on the incident page.</summary>
    public sealed record DutyLink(Guid IncidentId, Guid ObligationId, Recipient Recipient, string Jurisdiction, string Authority)
    {
        public string Href => $"/Incidents/{IncidentId}#obligation-{ObligationId}";
        public string Text => $"{Labels.Of(Recipient)} in {Jurisdiction}: {Authority}";
    }

    /// <summary>A mail and, when it was a reminder, the duty it reminded of (notices to people have none).</summary>
    public sealed record MailRow(MailLogEntry Mail, DutyLink? Duty);

    public List<MailRow> Problems { get; private set; } = [];
    public List<MailRow> Sent { get; private set; } = [];
    public List<UpcomingReminder> Upcoming { get; private set; } = [];
    public string? Message { get; private set; }
    private DateTimeZone zone = DateTimeZone.Utc;

    public string Local(Instant? at) => at is { } i ? TimeText.Format(i, zone) : "";

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
        var problems = await db.MailLog.Where(m => m.OrganisationId == orgId && (m.State == MailState.Failed || m.State == MailState.Uncertain || m.State == MailState.RetryLater))
            .OrderByDescending(m => m.CreatedAt).Take(100).ToListAsync();
        var sent = await db.MailLog.Where(m => m.OrganisationId == orgId && m.State == MailState.Sent).OrderByDescending(m => m.SentAt).Take(100).ToListAsync();
        var duties = await DutiesAsync(orgId, problems.Concat(sent).Select(m => m.Key).ToList());
        Problems = problems.Select(m => new MailRow(m, duties.GetValueOrDefault(m.Key))).ToList();
        Sent = sent.Select(m => new MailRow(m, duties.GetValueOrDefault(m.Key))).ToList();
        Upcoming = await (from r in db.Reminders
                                   join u in db.Users on r.UserId equals u.Id
                                   join i in db.Incidents on r.IncidentId equals i.Id
                                   join o in db.Obligations on r.ObligationId equals o.Id
                                   where r.OrganisationId == orgId && r.State == ReminderState.Pending
                                   orderby r.DueAt
                                   select new UpcomingReminder(r.DueAt, u.Email, i.Reference, r.Label,
                                       new DutyLink(i.Id, o.Id, o.Recipient, o.Jurisdiction, o.Authority))).Take(100).ToListAsync();
    }

    /// <summary>The duty behind each reminder mail, found through the reminder's key (one query for the page).</summary>
    private async Task<Dictionary<string, DutyLink>> DutiesAsync(Guid orgId, List<string> keys)
    {
        if (keys.Count == 0) return [];
        var rows = await (from r in db.Reminders
                          join o in db.Obligations on r.ObligationId equals o.Id
                          where r.OrganisationId == orgId && keys.Contains(r.Key)
                          select new { r.Key, Duty = new DutyLink(o.IncidentId, o.Id, o.Recipient, o.Jurisdiction, o.Authority) }).ToListAsync();
        return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First().Duty);
    }
}
