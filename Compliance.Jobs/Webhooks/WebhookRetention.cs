using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// Deletes webhook deliveries that finished (delivered, or given up) more than <c>Webhooks:KeepDays</c> ago, with their
/// attempts, and writes one audit line per organisation saying how many. A delivery still pending is kept however old
/// (an admin may have replayed it). The log of what was sent is the audit log's and the receivers'; the deliveries
/// table is for watching and replaying recent ones, and without this it grew by a row an event and endpoint forever.
/// </summary>
/// <remarks>
/// The clock's events (due soon, overdue) are recorded once per duty because their delivery row exists; they are raised
/// only while the deadline is within <see cref="DutyClockEvents.OverdueLookback"/> behind and <c>Webhooks:DueSoonHours</c>
/// (at most 14 days) ahead, so a row kept 30 days or more (the least <c>KeepDays</c> allows) outlives its window.
/// </remarks>
public sealed class WebhookRetention(Func<ComplianceDbContext> database, IClock clock, WebhookOptions options)
{
    public const string Id = "webhook-retention";

    /// <returns>How many deliveries were deleted.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetCurrentInstant() - Duration.FromDays(options.KeepDays);
        await using var db = database();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var finished = db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.DeliveredAt < cutoff || d.GivenUpAt < cutoff);   // a pending delivery has neither
        var counts = await finished.GroupBy(d => d.OrganisationId).Select(g => new { Organisation = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counts.Count == 0) return 0;
        await db.WebhookAttempts.IgnoreQueryFilters().Where(a => finished.Any(d => d.Id == a.DeliveryId)).ExecuteDeleteAsync(ct);
        var deleted = await finished.ExecuteDeleteAsync(ct);
        var audit = new AuditLog(db, clock);
        foreach (var organisation in counts)
            audit.Append(organisation.Organisation, null, "scheduler", "webhook.deliveries-expired", new { deliveries = organisation.Count, keepDays = options.KeepDays });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }
}

/// <summary>The daily Hangfire job around <see cref="WebhookRetention"/>.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class WebhookRetentionJob(WebhookRetention retention)
{
    public Task RunAsync(CancellationToken ct) => retention.RunAsync(ct);
}
