using Compliance.Domain.Persistence;
using Compliance.Jobs.Scheduling;

namespace Compliance.Web.Hosting;

/// <summary>The settings every command reads, validated once; a bad value is one sentence, not a stack trace.</summary>
public sealed record AppConfiguration(DatabaseOptions Database, SchedulerOptions Scheduler, bool MigrateOnStart)
{
    public static AppConfiguration From(IConfiguration config)
    {
        var database = DatabaseOptions.From(config["Database:Provider"], config.GetConnectionString("Compliance"));
        var scheduler = SchedulerOptions.For(database, config["Scheduler:ConnectionString"], Flag(config, "Scheduler:Enabled", true));
        return new(database, scheduler, Flag(config, "Database:MigrateOnStart", true));
    }

    private static bool Flag(IConfiguration config, string key, bool fallback) =>
        config[key] is { } text
            ? bool.TryParse(text, out var value) ? value : throw new ConfigurationProblem($"{key} must be 'true' or 'false', not '{text}'.")
            : fallback;
}
