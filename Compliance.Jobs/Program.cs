using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

// The worker: the scheduler (reminder sweep, notice campaigns) outside the web process, against the same database and settings.
// Run the web app with Scheduler:Enabled=false and one or more of these; on PostgreSQL or SQL Server several share the
// Hangfire store (each a Hangfire server), and our lease rows keep each campaign to one sender at a time.
try
{
    var builder = Host.CreateApplicationBuilder(args);
    var settings = AppConfiguration.From(builder.Configuration);
    if (!settings.Scheduler.Enabled)
        throw new ConfigurationProblem("Scheduler:Enabled is false, so this worker would do nothing; unset it for the worker.");
    await ComplianceDatabase.MigrateAsync(settings.Database);
    settings.Audit.Seal.EnsureAvailable();

    builder.Services.AddSingleton<IClock>(SystemClock.Instance);
    builder.Services.AddSingleton(TimeProvider.System); // what the campaign sender paces itself by
    builder.Services.AddComplianceJobs(settings);
    var host = builder.Build();
    if (settings.BaseUrl is null)
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Compliance.Jobs").LogWarning(
            "App:BaseUrl is not set, so links in reminders this worker sends point at {Default}; set it to the address people use.", PublicAddress.Default);
    await host.RunAsync();
    return 0;
}
catch (ConfigurationProblem e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
