using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Quartz;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Quartz wakes the campaign sender up: every sweep interval, and at once when a campaign is approved. It never runs
/// twice at the same time, in a cluster either; after a crash the next run (at start-up) settles what was in flight.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignSendJob(CampaignSender sender) : IJob
{
    public static readonly JobKey Key = new("notice-campaigns", "compliance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await sender.RunAsync(ct);
}

/// <summary>Asks for the campaign sender to run now (after an approval); without a scheduler here, a worker's next sweep does it.</summary>
public sealed class CampaignTrigger(IServiceProvider services)
{
    public async Task RunSoonAsync(CancellationToken ct = default)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory) return;
        var scheduler = await factory.GetScheduler(ct);
        if (await scheduler.Exists(CampaignSendJob.Key, ct)) await scheduler.TriggerJob(CampaignSendJob.Key, new JobDataMap(), ct);
    }
}

public static class CampaignRegistration
{
    /// <summary>
    /// The bulk transport (pipelined SMTP over <c>Mail:Smtp:Connections</c> connections when a server is configured, else
    /// the pickup folder), the sender, and its Quartz job every <paramref name="sweepSeconds"/> seconds. Needs an
    /// <see cref="Domain.People.IPeopleDataProtector"/> (the shared key ring).
    /// </summary>
    public static IServiceCollection AddComplianceCampaigns(this IServiceCollection services, DatabaseOptions database, MailOptions mail,
        CampaignOptions options, int sweepSeconds, bool schedule)
    {
        services.TryAddSingleton(mail);
        services.TryAddSingleton(options);
        services.TryAddSingleton(NoticeTemplates.Default);
        services.AddComplianceMail(mail);
        services.TryAddSingleton<Func<ComplianceDbContext>>(() => ComplianceDatabase.CreateContext(database));
        services.TryAddTransient<CampaignSender>();
        services.TryAddSingleton<CampaignTrigger>();
        if (!schedule) return services;

        return services.AddSweepJob<CampaignSendJob>(CampaignSendJob.Key, "notice-campaigns-every", sweepSeconds, recover: true);
    }
}
