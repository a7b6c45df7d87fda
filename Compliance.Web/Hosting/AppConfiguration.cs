using Compliance.Domain.Persistence;
using Compliance.Jobs.Scheduling;

namespace Compliance.Web.Hosting;

/// <summary>The settings every command reads, validated once; a bad value is one sentence, not a stack trace.</summary>
public sealed record AppConfiguration(DatabaseOptions Database, SchedulerOptions Scheduler, bool MigrateOnStart)
{
    /// <summary>Where local state lives beside a SQLite database (data protection keys, mail pickup): its folder, else ./data.</summary>
    public string DataFolder => Database.Provider == DatabaseProvider.Sqlite
        && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.ConnectionString).DataSource is { Length: > 0 } file && file != ":memory:"
        ? Path.GetDirectoryName(Path.GetFullPath(file))!
        : Path.GetFullPath("data");

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
