using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Serialization.JsonNet;

namespace Compliance.Jobs.Scheduling;

public static class SchedulerRegistration
{
    /// <summary>
    /// Hangfire's store, client and recurring-job manager, always (the web app enqueues and shows the dashboard even
    /// when only workers run jobs), and a Hangfire server when <c>Scheduler:Enabled</c>. Our own registrations come
    /// first, so Hangfire's static fall-backs (JobStorage.Current, JobActivator.Current) are never used: two apps in
    /// one process keep apart.
    /// </summary>
    public static IServiceCollection AddComplianceScheduler(this IServiceCollection services, SchedulerOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(new LeaseSettings(options.LeaseSeconds));
        services.TryAddSingleton<Leases>();
        services.TryAddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();   // Hangfire's logging set up for this app before the store logs
            return JobStore.Create(options);
        });
        services.TryAddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.TryAddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.TryAddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        // Job arguments are ids; should an Instant ever be one, it must survive Newtonsoft (10 failed retries otherwise).
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HangfireLogBridge(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings(s => s.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb)));
        if (!options.Enabled) return services;

        services.AddHangfireServer(o =>
        {
            o.WorkerCount = options.Workers;
            // Recurring and delayed jobs are looked for this often: the sweeps run every second in the tests.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddHostedService<RecurringJobsSetup>();
        return services;
    }

    /// <summary>
    /// A recurring job every <paramref name="seconds"/> (as cron, see <see cref="SweepCron"/>), added or updated by
    /// <paramref name="add"/> when a server starts. Missed runs collapse into one (Hangfire's default, relaxed misfires).
    /// </summary>
    public static IServiceCollection AddRecurringSweep(this IServiceCollection services, string id, int seconds, Action<IRecurringJobManager, string, string> add) =>
        services.AddSingleton(new RecurringSweep(id, SweepCron.Every(seconds), add));
}

/// <summary>One recurring job to register at start-up.</summary>
public sealed record RecurringSweep(string Id, string Cron, Action<IRecurringJobManager, string, string> Add);

/// <summary>
/// Registers the recurring jobs when a server starts, in the background and until it succeeds: the store may refuse
/// for a while (a lock left by a server that was killed), and that must not stop this server from running jobs.
/// </summary>
public sealed class RecurringJobsSetup(IRecurringJobManager manager, IEnumerable<RecurringSweep> sweeps, ILogger<RecurringJobsSetup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var sweep in sweeps)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    sweep.Add(manager, sweep.Id, sweep.Cron);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("The recurring job {Id} could not be registered yet ({Reason}); trying again in 5 s", sweep.Id, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }
        }
    }
}
