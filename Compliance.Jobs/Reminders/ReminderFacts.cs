using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// Everything a reminder's mail says: its reader (role, zone, language), the incident, the organisation, and the duty
/// or task it is about. Read for a whole batch of reminders in one query per table, not a round of queries each.
/// </summary>
internal sealed record ReminderFacts(Reminder Reminder, User User, Incident Incident, Organisation Organisation, Role Role,
    DateTimeZone Zone, Obligation? Duty, IncidentTask? Task, string? TaskOwnerEmail)
{
    public static async Task<IReadOnlyList<ReminderFacts>> ReadAsync(ComplianceDbContext db, IReadOnlyCollection<Reminder> reminders, CancellationToken ct)
    {
        var userIds = reminders.Select(r => r.UserId).Distinct().ToList();
        var incidentIds = reminders.Select(r => r.IncidentId).Distinct().ToList();
        var organisationIds = reminders.Select(r => r.OrganisationId).Distinct().ToList();
        var dutyIds = reminders.Where(r => r.TaskId is null).Select(r => r.ObligationId!.Value).Distinct().ToList();
        var taskIds = reminders.Where(r => r.TaskId is not null).Select(r => r.TaskId!.Value).Distinct().ToList();

        var incidents = await db.Incidents.IgnoreQueryFilters().Where(i => incidentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var roles = (await db.Members.Where(m => userIds.Contains(m.UserId) && organisationIds.Contains(m.OrganisationId))
            .Select(m => new { m.UserId, m.OrganisationId, m.Role }).ToListAsync(ct))
            .GroupBy(m => (m.UserId, m.OrganisationId)).ToDictionary(g => g.Key, g => g.First().Role);
        var duties = dutyIds.Count == 0 ? [] : await db.Obligations.IgnoreQueryFilters().Where(o => dutyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var tasks = taskIds.Count == 0 ? [] : await db.IncidentTasks.IgnoreQueryFilters().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        // Readers and task owners in one read.
        var wanted = userIds.Concat(tasks.Values.Where(t => t.OwnerUserId is not null).Select(t => t.OwnerUserId!.Value)).Distinct().ToList();
        var users = await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);

        return reminders.Select(r =>
        {
            var user = users[r.UserId];
            var organisation = organisations[r.OrganisationId];
            var task = r.TaskId is { } taskId ? tasks[taskId] : null;
            return new ReminderFacts(r, user, incidents[r.IncidentId], organisation,
                roles.GetValueOrDefault((user.Id, organisation.Id)),
                DateTimeZoneProviders.Tzdb.GetZoneOrNull(user.TimeZone ?? organisation.TimeZone) ?? DateTimeZone.Utc,
                task is null ? duties[r.ObligationId!.Value] : null, task,
                task?.OwnerUserId is { } owner ? users.GetValueOrDefault(owner)?.Email : null);
        }).ToList();
    }
}
