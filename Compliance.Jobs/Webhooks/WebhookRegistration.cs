using Compliance.Domain.Persistence;
using Compliance.Domain.Webhooks;
using Compliance.Jobs.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// Every <c>Webhooks:SweepSeconds</c>, under a lease (one sweep at a time across servers): record the duties the
/// clock made due soon or overdue, then hand due deliveries to Hangfire.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class WebhookSweepJob(DutyClockEvents clockEvents, WebhookDispatch dispatch, Leases leases)
{
    public const string Id = "webhook-sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        var lease = leases.For(Id);
        if (!await lease.TryTakeAsync(ct)) return;
        try
        {
            await clockEvents.RunAsync(ct);
            await dispatch.RunAsync(ct);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }
}

/// <summary>Sends a replayed delivery now instead of at the next sweep (the sweep would also find it; the attempt number keeps it single).</summary>
public sealed class WebhookTrigger(IServiceProvider services)
{
    public void SendSoon(WebhookDelivery delivery)
    {
        if (services.GetService<IBackgroundJobClient>() is { } jobs) WebhookDispatch.Enqueue(jobs, delivery.Id, delivery.Attempts);
    }
}

public static class WebhookRegistration
{
    public static IServiceCollection AddComplianceWebhooks(this IServiceCollection services, DatabaseOptions database, WebhookOptions options, bool schedule)
    {
        var rule = new WebhookAddressRule(options.AllowLoopback);
        services.TryAddSingleton(options);
        services.TryAddSingleton(rule);
        services.TryAddSingleton<IWebhookSecretProtector, DataProtectionWebhookSecrets>();
        services.TryAddSingleton<Func<ComplianceDbContext>>(() => ComplianceDatabase.CreateContext(database));
        services.AddWebhookHttpClient(options, rule);
        services.TryAddTransient<WebhookSender>();
        services.TryAddTransient<WebhookDispatch>();
        services.TryAddTransient<DutyClockEvents>();
        services.TryAddSingleton<WebhookTrigger>();
        services.TryAddTransient<WebhookRetention>();
        if (!schedule) return services;

        services.TryAddTransient<WebhookDeliveryJob>();
        services.TryAddTransient<WebhookSweepJob>();
        services.TryAddTransient<WebhookRetentionJob>();
        services.AddRecurringSweep(WebhookRetention.Id, 24 * 3600,
            (jobs, id, cron) => jobs.AddOrUpdate<WebhookRetentionJob>(id, j => j.RunAsync(CancellationToken.None), cron));
        return services.AddRecurringSweep(WebhookSweepJob.Id, options.SweepSeconds,
            (jobs, id, cron) => jobs.AddOrUpdate<WebhookSweepJob>(id, j => j.RunAsync(CancellationToken.None), cron));
    }
}
