using Quartz;

namespace Compliance.Jobs.Reminders;

/// <summary>Quartz only wakes the sweep up; the plan and the send log live in our own tables.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderSweep sweep) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", "compliance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await sweep.RunAsync(ct);
}
