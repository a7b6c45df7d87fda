using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Reminders;

/// <summary>What the Jobs page shows an admin: mail that failed or waits, mail sent, and the reminders about to go, each with its duty.</summary>
public sealed class MailActivity(ComplianceDbContext db)
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

    public sealed record View(DateTimeZone Zone, IReadOnlyList<MailRow> Problems, IReadOnlyList<MailRow> Sent, IReadOnlyList<UpcomingReminder> Upcoming);

    public async Task<View> ReadAsync(Guid orgId, CancellationToken ct = default)
    {
        var org = await db.Organisations.SingleAsync(o => o.Id == orgId, ct);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(org.TimeZone) ?? DateTimeZone.Utc;
        var problems = await db.MailLog.Where(m => m.OrganisationId == orgId && (m.State == MailState.Failed || m.State == MailState.Uncertain || m.State == MailState.RetryLater))
            .OrderByDescending(m => m.CreatedAt).Take(100).ToListAsync(ct);
        var sent = await db.MailLog.Where(m => m.OrganisationId == orgId && m.State == MailState.Sent).OrderByDescending(m => m.SentAt).Take(100).ToListAsync(ct);
        var duties = await DutiesAsync(orgId, problems.Concat(sent).Select(m => m.Key).ToList(), ct);
        var upcoming = await (from r in db.Reminders
                              join u in db.Users on r.UserId equals u.Id
                              join i in db.Incidents on r.IncidentId equals i.Id
                              join o in db.Obligations on r.ObligationId equals o.Id
                              where r.OrganisationId == orgId && r.State == ReminderState.Pending
                              orderby r.DueAt
                              select new UpcomingReminder(r.DueAt, u.Email, i.Reference, r.Label,
                                  new DutyLink(i.Id, o.Id, o.Recipient, o.Jurisdiction, o.Authority))).Take(100).ToListAsync(ct);
        return new View(zone, problems.Select(m => new MailRow(m, duties.GetValueOrDefault(m.Key))).ToList(),
            sent.Select(m => new MailRow(m, duties.GetValueOrDefault(m.Key))).ToList(), upcoming);
    }

    /// <summary>The duty behind each reminder mail, found through the reminder's key (one query for the page).</summary>
    private async Task<Dictionary<string, DutyLink>> DutiesAsync(Guid orgId, List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var rows = await (from r in db.Reminders
                          join o in db.Obligations on r.ObligationId equals o.Id
                          where r.OrganisationId == orgId && keys.Contains(r.Key)
                          select new { r.Key, Duty = new DutyLink(o.IncidentId, o.Id, o.Recipient, o.Jurisdiction, o.Authority) }).ToListAsync(ct);
        return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First().Duty);
    }
}
