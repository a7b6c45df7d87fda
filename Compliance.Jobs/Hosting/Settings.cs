using Compliance.Domain.Persistence;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.Hosting;

/// <summary>Typed reads of configuration keys; a bad value is one sentence naming the key (a ConfigurationProblem).</summary>
public static class Settings
{
    public static bool Bool(IConfiguration config, string key, bool fallback) =>
        config[key] is { } text
            ? bool.TryParse(text, out var value) ? value : throw new ConfigurationProblem($"{key} must be 'true' or 'false', not '{text}'.")
            : fallback;

    public static int Int(IConfiguration config, string key, int fallback, int min, int max) =>
        config[key] is { } text
            ? int.TryParse(text, out var value) && value >= min && value <= max ? value
                : throw new ConfigurationProblem($"{key} must be a whole number from {min} to {max}, not '{text}'.")
            : fallback;
}
