using Microsoft.Extensions.DependencyInjection;
using Compliance.Domain.Persistence;
using Quartz;

namespace Compliance.Jobs.Scheduling;

public static class SchedulerRegistration
{
    public const string InstanceName = "Compliance";

    /// <summary>Quartz with a persistent store that creates its own tables on first start.</summary>
    public static IServiceCollection AddComplianceScheduler(this IServiceCollection services, SchedulerOptions options)
    {
        services.AddSingleton(options);
        if (!options.Enabled) return services;

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = InstanceName;
                if (options.Clustered) s.GenerateInstanceId = true;
                else s.InstanceId = "single";
            });
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                if (options.Provider == DatabaseProvider.Postgres) store.UsePostgres(options.ConnectionString);
                else store.UseSqlite(options.ConnectionString);
                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "QRTZ_";
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = TimeSpan.FromSeconds(30);
                });
                if (options.Clustered)
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A durable job that Quartz wakes every <paramref name="seconds"/> seconds; a missed run is not made up.</summary>
    public static IServiceCollection AddSweepJob<TJob>(this IServiceCollection services, JobKey key, string triggerName, int seconds, bool recover = false)
        where TJob : IJob =>
        services.AddQuartz(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery(recover));
            q.AddTrigger(t => t.ForJob(key)
                .WithIdentity(triggerName, key.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
}
