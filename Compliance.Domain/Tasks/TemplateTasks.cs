using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// Gives a new incident the organisation's template tasks, inside the caller's unit of work: owners by member or by
/// role (the first active member holding it), due so many hours after awareness. Each is audited as from the template.
/// </summary>
internal static class TemplateTasks
{
    public static async Task AddAsync(ComplianceDbContext db, AuditLog audit, Incident incident, Organisation organisation, string actor,
        IClock clock, CancellationToken ct)
    {
        var templates = TaskTemplates.Read(organisation.TaskTemplates);
        if (templates.Count == 0) return;
        var now = clock.GetCurrentInstant();
        var members = (await (from m in db.Members
                              join u in db.Users on m.UserId equals u.Id
                              where m.OrganisationId == organisation.Id && m.IncidentId == null
                              select new { m, u.Email }).ToListAsync(ct))
            .Where(r => r.m.IsActiveAt(now)).OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Select(r => r.m).ToList();
        foreach (var template in templates)
        {
            var owner = template.OwnerUserId is { } user && members.Any(m => m.UserId == user) ? user
                : template.OwnerRole is { } role ? members.FirstOrDefault(m => m.Role == role)?.UserId : null;
            var task = new IncidentTask(Guid.NewGuid(), organisation.Id, incident.Id, template.Kind, template.Title, owner, template.DueFrom(incident.AwareAt),
                actor, now, fromTemplate: true);
            db.IncidentTasks.Add(task);
            await audit.AppendAsync(organisation.Id, incident.Id, actor, "task.created-from-template", IncidentTasks.Describe(task), ct);
        }
    }
}
