using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Reminders;

/// <summary>
/// Marks, inside the save that makes the change, each organisation whose reminder plan may no longer fit: a duty
/// or a task added, changed or removed; a member added, removed or given another role; the organisation's reminder policy or
/// zone changed; a member's own zone changed. The reminder sweep then re-plans those organisations only
/// (<see cref="Organisation.ReminderPlanChange"/>), so a pass costs what changed and what is due, not the number of
/// organisations. Every write of those rows goes through the change tracker (none through bulk SQL), so none is missed.
/// </summary>
public static class ReminderPlanChanges
{
    public static async Task MarkAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        // One detection for the checks below (the save itself detects again); a caller that turned detection off
        // has done its own.
        var detect = tracker.AutoDetectChangesEnabled;
        if (detect) tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var changed = new HashSet<Guid>();
            foreach (var e in tracker.Entries<Obligation>())
                if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) changed.Add(e.Entity.OrganisationId);
            foreach (var e in tracker.Entries<Tasks.IncidentTask>())
                if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) changed.Add(e.Entity.OrganisationId);
            foreach (var e in tracker.Entries<Member>())
                if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) changed.Add(e.Entity.OrganisationId);
            foreach (var e in tracker.Entries<Organisation>())
                if (e.State == EntityState.Modified && (e.Property(o => o.ReminderPolicy).IsModified || e.Property(o => o.TimeZone).IsModified))
                    changed.Add(e.Entity.Id);
            var rezoned = tracker.Entries<User>().Where(e => e.State == EntityState.Modified && e.Property(u => u.TimeZone).IsModified)
                .Select(e => e.Entity.Id).ToList();
            if (rezoned.Count > 0)
                changed.UnionWith(await db.Members.IgnoreQueryFilters().Where(m => rezoned.Contains(m.UserId)).Select(m => m.OrganisationId).ToListAsync(ct));
            if (changed.Count == 0) return;

            foreach (var id in changed)
            {
                var entry = tracker.Entries<Organisation>().FirstOrDefault(e => e.Entity.Id == id);
                if (entry?.State is EntityState.Deleted) continue;
                var organisation = entry?.Entity ?? await db.Organisations.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == id, ct);
                if (organisation is null) continue;   // its rows are going with it
                organisation.ReminderPlanChange = Guid.NewGuid();
                var state = db.Entry(organisation);
                if (state.State != EntityState.Added) state.Property(o => o.ReminderPlanChange).IsModified = true;
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
