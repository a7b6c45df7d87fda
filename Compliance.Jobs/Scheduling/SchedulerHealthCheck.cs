using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Compliance.Jobs.Scheduling;

/// <summary>Healthy when the scheduler has started and is not in standby or shut down.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory, SchedulerOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>
        {
            ["store"] = options.Provider.ToString(),
            ["clustered"] = options.Clustered,
        };
        try
        {
            var scheduler = await factory.GetScheduler(ct);
            var meta = await scheduler.GetMetadata(ct);
            data["instanceId"] = meta.SchedulerInstanceId;
            data["status"] = meta.Status.ToString();
            data["persistent"] = meta.JobStorePersistent;
            data["jobsExecuted"] = meta.JobsExecuted;
            return meta.Status switch
            {
                SchedulerStatus.Running => HealthCheckResult.Healthy("The scheduler is running.", data),
                SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown => HealthCheckResult.Unhealthy("The scheduler has shut down.", data: data),
                _ => HealthCheckResult.Degraded("The scheduler is not running yet.", data: data),
            };
        }
        catch (Exception e) when (e is SchedulerException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The scheduler is not available: {e.Message}", data: data);
        }
    }
}
