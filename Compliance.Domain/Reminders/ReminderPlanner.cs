using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Reminders;

/// <summary>
/// Brings the stored reminder plan of an organisation in line with its open duties: unsent reminders that no
/// longer fit (the deadline moved, the duty was fulfilled or decided) are cancelled, missing ones are added.
/// Sent reminders are history and never touched. Works inside the caller's unit of work.
/// </summary>
public sealed class ReminderPlanner(ComplianceDbContext db, IClock clock)
{
    public sealed record Result(int Added, int Cancelled);

    public async Task<Result> SyncAsync(Guid organisationId, Guid? incidentId = null, CancellationToken ct = default)
    {
        var org = await db.Organisations.SingleAsync(o => o.Id == organisationId, ct);
        var policy = ReminderPolicy.Parse(org.ReminderPolicy) ?? ReminderPolicy.Default;
        var orgZone = DateTimeZoneProviders.Tzdb[org.TimeZone];
        var now = clock.GetCurrentInstant();

        var people = (await (from m in db.Members
                             join u in db.Users on m.UserId equals u.Id
                             where m.OrganisationId == organisationId && m.IncidentId == null
                             select new { m, u.TimeZone }).ToListAsync(ct))
            .Where(x => x.m.IsActiveAt(now))
            .Select(x => new ReminderSchedule.Recipient(x.m.UserId, x.m.Role,
                x.TimeZone is { } z && DateTimeZoneProviders.Tzdb.GetZoneOrNull(z) is { } zone ? zone : orgZone))
            .DistinctBy(r => (r.UserId, r.Role))
            .ToList();

        // Only open duties have reminders (ReminderSchedule.For); the rest, history included, need not be read.
        var duties = db.Obligations.IgnoreQueryFilters().Where(o => o.OrganisationId == organisationId && o.Status == ObligationStatus.Open);
        var reminders = db.Reminders.Where(r => r.OrganisationId == organisationId);
        if (incidentId is { } id)
        {
            duties = duties.Where(o => o.IncidentId == id);
            reminders = reminders.Where(r => r.IncidentId == id);
        }
        var dutyList = await duties.ToListAsync(ct);
        var existing = await reminders.ToListAsync(ct);
        existing.AddRange(db.Reminders.Local.Where(r => r.OrganisationId == organisationId && db.Entry(r).State == EntityState.Added && !existing.Contains(r)));
        var byKey = existing.ToDictionary(r => r.Key);
        // When each daily reminder last went out, by the send, not the plan: a late catch-up sent today counts as
        // today's, so the next one waits for tomorrow's 08:00 instead of following the missed days one per sweep.
        var sent = existing.Where(r => r.State == ReminderState.Sent)
            .GroupBy(r => (r.SubjectId, r.UserId, r.Kind))
            .ToDictionary(g => g.Key, g => g.Max(r => r.SentAt ?? r.DueAt));

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, cancelled = 0;
        foreach (var duty in dutyList)
        {
            Instant? LastSent(Guid user, ReminderKind kind) => sent.TryGetValue((duty.Id, user, kind), out var at) ? at : null;
            foreach (var plan in ReminderSchedule.For(duty, people, policy, LastSent))
            {
                var key = Reminder.KeyOf(duty.Id, plan.UserId, plan.Kind, plan.DueAt);
                wanted.Add(key);
                if (byKey.ContainsKey(key)) continue;
                var reminder = new Reminder(organisationId, duty.IncidentId, duty.Id, plan.UserId, plan.Kind, plan.DueAt, plan.Label, now);
                db.Reminders.Add(reminder);
                byKey[key] = reminder;
                added++;
            }
        }
        // Tasks beyond the law: an open task with a due instant and an owner is reminded like a duty.
        var tasks = db.IncidentTasks.IgnoreQueryFilters().Where(t => t.OrganisationId == organisationId
            && (t.State == Tasks.TaskState.Open || t.State == Tasks.TaskState.InProgress) && t.DueAt != null && t.OwnerUserId != null);
        if (incidentId is { } only) tasks = tasks.Where(t => t.IncidentId == only);
        foreach (var task in await tasks.ToListAsync(ct))
        {
            Instant? LastSent(Guid user, ReminderKind kind) => sent.TryGetValue((task.Id, user, kind), out var at) ? at : null;
            foreach (var plan in TaskReminderSchedule.For(task, people, policy, LastSent))
            {
                var key = Reminder.KeyOf(task.Id, plan.UserId, plan.Kind, plan.DueAt);
                wanted.Add(key);
                if (byKey.ContainsKey(key)) continue;
                var reminder = Reminder.ForTask(organisationId, task.IncidentId, task.Id, plan.UserId, plan.Kind, plan.DueAt, plan.Label, now);
                db.Reminders.Add(reminder);
                byKey[key] = reminder;
                added++;
            }
        }
        foreach (var stale in existing.Where(r => r.State == ReminderState.Pending && !wanted.Contains(r.Key)))
        {
            stale.Cancel(stale.TaskId is null ? "the duty's deadline moved, or it was fulfilled or decided" : "the task's due time or owner changed, or it was done or found not needed");
            cancelled++;
        }
        return new Result(added, cancelled);
    }
}
