using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// Re-plans only the organisations whose members, duties, policy or zones changed since they were last planned: the
/// mark is set in the save that made the change (ReminderPlanChanges), and cleared here only if no newer change came.
/// </summary>
internal sealed class ReminderReplanning(Func<ComplianceDbContext> openDb, IClock clock)
{
    public sealed record Replanned(int Planned, int Cancelled, int Organisations);

    public async Task<Replanned> RunAsync(CancellationToken ct)
    {
        int planned = 0, cancelled = 0, organisations = 0;
        List<(Guid Id, Guid Change)> changed;
        await using (var db = openDb())
            changed = (await db.Organisations.Where(o => o.ReminderPlanChange != null).Select(o => new { o.Id, o.ReminderPlanChange })
                .ToListAsync(ct)).Select(o => (o.Id, o.ReminderPlanChange!.Value)).ToList();
        foreach (var (orgId, change) in changed)
        {
            await using var db = openDb();
            var result = await new ReminderPlanner(db, clock).SyncAsync(orgId, null, ct);
            await db.SaveChangesAsync(ct);
            await db.Organisations.Where(o => o.Id == orgId && o.ReminderPlanChange == change)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ReminderPlanChange, (Guid?)null), ct);
            planned += result.Added;
            cancelled += result.Cancelled;
            organisations++;
        }
        return new Replanned(planned, cancelled, organisations);
    }
}
