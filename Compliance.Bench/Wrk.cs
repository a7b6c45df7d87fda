using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Bench;

/// <summary>
/// wrk (Debian's package), the load generator of <c>bench web</c>: C connections on two threads for S seconds against
/// one URL, with its latency distribution. Figures are read from wrk's own report.
/// </summary>
public static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, long Non2xx, string Raw);

    public static string? Missing() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(d => File.Exists(Path.Combine(d, "wrk"))) == true
            ? null
            : "wrk is not installed: sudo apt-get install wrk";

    public static async Task<Result> RunAsync(string url, int connections, int seconds, IReadOnlyDictionary<string, string> headers, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds}s", "--latency", "--timeout", "10s" })
            start.ArgumentList.Add(a);
        foreach (var (name, value) in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = await output;
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await error}{text}");
        return Parse(text);
    }

    public static Result Parse(string text)
    {
        double Latency(string percentile)
        {
            var m = Regex.Match(text, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) throw new FormatException($"wrk printed no {percentile}% latency:\n{text}");
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
        }
        long Count(Regex pattern) => pattern.Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = SocketErrors().Matches(text).Cast<Match>().Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var rate = RequestsPerSecond().Match(text);
        return new Result(rate.Success ? double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Latency("50"), Latency("99"), Count(Requests()), errors, Count(Non2xx()), text);
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
