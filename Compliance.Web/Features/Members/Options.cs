namespace Compliance.Web.Features.Members;

/// <summary>"--name value" pairs; "--Key=value" pairs pass through as configuration.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    public string[] ConfigurationArgs { get; private init; } = [];

    public string? Get(string name) => values.GetValueOrDefault(name);

    public static Options Parse(string[] args)
    {
        var config = new List<string>();
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=')) config.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
                options.values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true"; // a flag
        }
        return new Options { ConfigurationArgs = [.. config] }.With(options.values);
    }

    private Options With(Dictionary<string, string> v)
    {
        foreach (var kv in v) values[kv.Key] = kv.Value;
        return this;
    }
}
