using Compliance.Domain.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// Hands due deliveries to Hangfire, one job per attempt (the delivery id and the attempt number as arguments). Each
/// row is claimed by moving its next attempt a grace period on, so the next sweep leaves it alone while it waits in
/// the queue; a job lost with a crashed server is enqueued again once the grace has passed.
/// </summary>
public sealed class WebhookDispatch(Func<ComplianceDbContext> openDb, IBackgroundJobClient jobs, IClock clock)
{
    public static readonly Duration Grace = Duration.FromMinutes(10);
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var db = openDb();
        var now = clock.GetCurrentInstant();
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(Batch)
            .Select(d => new { d.Id, d.Attempts, d.NextAttemptAt }).ToListAsync(ct);
        var enqueued = 0;
        foreach (var d in due)
        {
            var claimed = await db.WebhookDeliveries.Where(x => x.Id == d.Id && x.Attempts == d.Attempts && x.NextAttemptAt == d.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, now + Grace), ct);
            if (claimed == 0) continue;
            Enqueue(jobs, d.Id, d.Attempts);
            enqueued++;
        }
        return enqueued;
    }

    public static void Enqueue(IBackgroundJobClient jobs, Guid deliveryId, int attempt) =>
        jobs.Enqueue<WebhookDeliveryJob>(j => j.SendAsync(deliveryId, attempt, CancellationToken.None));
}

/// <summary>One attempt of one delivery. Hangfire does not retry it: the delivery row plans the next attempt.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class WebhookDeliveryJob(WebhookSender sender)
{
    public async Task SendAsync(Guid deliveryId, int attempt, CancellationToken ct) => await sender.SendAsync(deliveryId, attempt, ct);
}
