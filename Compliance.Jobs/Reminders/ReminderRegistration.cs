using Compliance.Jobs.Hosting;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Compliance.Jobs.Scheduling;
using Hangfire;

namespace Compliance.Jobs.Reminders;

public static class ReminderRegistration
{
    /// <summary>
    /// The mail transport (SMTP when configured, else the pickup folder; a deployer may register another first),
    /// the sweep, and its recurring Hangfire job every <paramref name="sweepSeconds"/> seconds.
    /// </summary>
    public static IServiceCollection AddComplianceReminders(this IServiceCollection services, DatabaseOptions database, MailOptions mail,
        Uri? baseUrl, int sweepSeconds, bool schedule)
    {
        services.TryAddSingleton(mail);
        services.AddComplianceMail(mail);
        services.TryAddSingleton(TemplateLibrary.Default);
        services.TryAddSingleton(new PublicAddress(baseUrl));
        services.TryAddSingleton(ReminderSweep.Settings.For(database.Provider));
        services.TryAddSingleton<Func<ComplianceDbContext>>(() => ComplianceDatabase.CreateContext(database));
        services.TryAddTransient<ReminderSweep>();
        if (!schedule) return services;

        services.TryAddTransient<ReminderSweepJob>();
        return services.AddRecurringSweep(ReminderSweepJob.Id, sweepSeconds,
            (jobs, id, cron) => jobs.AddOrUpdate<ReminderSweepJob>(id, j => j.RunAsync(CancellationToken.None), cron));
    }
}
