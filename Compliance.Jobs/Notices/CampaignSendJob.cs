using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Hangfire;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Hangfire wakes the campaign sender up: every sweep interval, and at once when a campaign is approved. Runs may
/// overlap, on one server or several (the store may even run one job twice): each campaign's lease row lets one run
/// send it, and after a crash the next holder settles what was in flight. A failed run is not retried by Hangfire:
/// the next sweep is the retry.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class CampaignSendJob(CampaignSender sender)
{
    public const string Id = "notice-campaigns";

    public async Task RunAsync(CancellationToken ct) => await sender.RunAsync(ct);
}

/// <summary>Asks for the campaign sender to run now (after an approval): a job in the store, which any server starts.</summary>
public sealed class CampaignTrigger(IServiceProvider services)
{
    public Task RunSoonAsync(CancellationToken ct = default)
    {
        services.GetService<IBackgroundJobClient>()?.Enqueue<CampaignSendJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

public static class CampaignRegistration
{
    /// <summary>
    /// The bulk transport (MailKit SMTP over <c>Mail:Smtp:Connections</c> pooled connections when a server is configured, else
    /// the pickup folder), the sender, and its recurring Hangfire job every <paramref name="sweepSeconds"/> seconds. Needs an
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

        services.TryAddTransient<CampaignSendJob>();
        return services.AddRecurringSweep(CampaignSendJob.Id, sweepSeconds,
            (jobs, id, cron) => jobs.AddOrUpdate<CampaignSendJob>(id, j => j.RunAsync(CancellationToken.None), cron));
    }
}
