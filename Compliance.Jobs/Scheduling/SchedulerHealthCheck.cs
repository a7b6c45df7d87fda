using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Healthy when the job store answers and at least one Hangfire server is alive on it (this one, or a worker).
/// Reports the store, whether it survives a restart, and the live servers.
/// </summary>
public sealed class SchedulerHealthCheck(JobStorage storage, SchedulerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>
        {
            ["store"] = options.Provider.ToString(),
            ["persistent"] = true,   // every store we configure is a database: jobs and recurring schedules survive a restart
            ["shared"] = options.Shared,
            ["serverHere"] = options.Enabled,
        };
        try
        {
            var monitor = storage.GetMonitoringApi();
            var servers = monitor.Servers();
            var stats = monitor.GetStatistics();
            data["servers"] = servers.Count;
            data["serverNames"] = servers.Select(s => s.Name).Order().ToList();
            data["enqueued"] = stats.Enqueued;
            data["processing"] = stats.Processing;
            data["failed"] = stats.Failed;
            data["recurring"] = stats.Recurring;
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"The job store is reachable; {servers.Count} job server(s) are running.", data)
                : HealthCheckResult.Degraded("The job store is reachable, but no job server is running yet.", data: data));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The job store is not available: {e.Message}", data: data));
        }
    }
}
