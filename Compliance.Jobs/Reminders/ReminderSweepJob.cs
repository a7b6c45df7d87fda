using Compliance.Jobs.Scheduling;
using Hangfire;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// Hangfire only wakes the sweep up; the plan and the send log live in our own tables. One sweep runs at a time
/// across servers (a lease row); a run that finds it held returns at once. A failed run is not retried: the next
/// one, a sweep interval later, is the retry.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ReminderSweepJob(ReminderSweep sweep, Leases leases)
{
    public const string Id = "reminder-sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        var lease = leases.For(Id);
        if (!await lease.TryTakeAsync(ct)) return;
        try
        {
            await using var heartbeat = LeaseHeartbeat.Start(lease, leases.Settings.Heartbeat, ct);
            await sweep.RunAsync(heartbeat.Lost);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }
}
