using Compliance.Jobs.Audit;
using Compliance.Jobs.Notices;
using Compliance.Jobs.People;
using Compliance.Jobs.Reminders;
using Compliance.Jobs.Scheduling;
using Compliance.Jobs.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Jobs.Hosting;

public static class JobsRegistration
{
    /// <summary>
    /// Everything background work needs, the same in the web process and in a worker: the scheduler (when enabled),
    /// the key ring for affected people's details, the reminder sweep, the campaign sender, the audit checkpoints and the clean-up of expired uploads, the webhook sweep, with their recurring Hangfire jobs.
    /// </summary>
    public static IServiceCollection AddComplianceJobs(this IServiceCollection services, AppConfiguration settings) => services
        .AddComplianceScheduler(settings.Scheduler)
        .AddPeopleDataProtection(settings.KeyRing, settings.Database)
        .AddComplianceReminders(settings.Database, settings.Mail, settings.BaseUrl, settings.SweepSeconds, settings.Scheduler.Enabled)
        .AddComplianceCampaigns(settings.Database, settings.Mail, settings.Campaigns, settings.SweepSeconds, settings.Scheduler.Enabled)
        .AddAuditCheckpoints(settings)
        .AddUploadCleanup(settings)
        .AddComplianceWebhooks(settings.Database, settings.Webhooks, settings.Scheduler.Enabled);
}
