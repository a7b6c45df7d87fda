using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Compliance.Domain.Audit;

/// <summary>The audit lines a context is about to save and has not sealed yet.</summary>
internal static class DraftedAuditLines
{
    // Audit lines are only ever added through AuditLog (tracked as Added at once), so finding them needs no change
    // scan: the save that follows runs the one DetectChanges it needs.
    public static List<AuditEntry> In(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && !e.Entity.IsSealed).Select(e => e.Entity).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
