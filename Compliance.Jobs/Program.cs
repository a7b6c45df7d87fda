using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Notices;
using Compliance.Jobs.People;
using Compliance.Jobs.Reminders;
using Compliance.Jobs.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

// The worker: the scheduler (reminder sweep, notice campaigns) outside the web process, against the same database and settings.
// Run the web app with Scheduler:Enabled=false and one or more of these; on PostgreSQL they form a Quartz cluster.
try
{
    var builder = Host.CreateApplicationBuilder(args);
    var settings = AppConfiguration.From(builder.Configuration);
    if (!settings.Scheduler.Enabled)
        throw new ConfigurationProblem("Scheduler:Enabled is false, so this worker would do nothing; unset it for the worker.");
    await ComplianceDatabase.MigrateAsync(settings.Database);

    builder.Services.AddSingleton<IClock>(SystemClock.Instance);
    builder.Services.AddComplianceScheduler(settings.Scheduler);
    builder.Services.AddComplianceReminders(settings.Database, settings.Mail, settings.BaseUrl, settings.SweepSeconds, schedule: true);
    builder.Services.AddPeopleDataProtection(settings.KeysFolder);
    builder.Services.AddComplianceCampaigns(settings.Database, settings.Mail, settings.Campaigns, settings.SweepSeconds, schedule: true);
    await builder.Build().RunAsync();
    return 0;
}
catch (ConfigurationProblem e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
