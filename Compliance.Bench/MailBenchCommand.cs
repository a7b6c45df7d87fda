using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// <c>bench smtp --smtp HOST:PORT [--messages N] [--connections K[,K...]]</c>: N generated notices of about 1 KB
/// through <see cref="SmtpMailTransport"/> (MailKit), then the same messages through nodemailer's pooled transport
/// (tools/nodemailer-bench) and Postfix's smtp-source against the same server, each with K connections, and the
/// ratios. A peer that is not installed is reported as not available.
/// </summary>
public static class MailBenchCommand
{
    private const string Usage = "usage: bench smtp --smtp HOST:PORT [--messages N] [--connections K[,K...]] [--warmup N] [--nodemailer DIR]";
    private const string From = "notices@bench.invalid";
    private const string SmtpSource = "/usr/sbin/smtp-source";

    private sealed record Settings(string Host, int Port, int Messages, int[] Connections, int Warmup, string? NodemailerDir);

    private sealed record Row(int Connections, double Ours, double? Nodemailer, double? SmtpSource);

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (Parse(args) is not { } settings)
        {
            await stderr.WriteLineAsync(Usage);
            return CommandLine.BadInput;
        }
        var mails = Generate(settings.Messages);
        var missing = NodemailerPeer.Missing(settings.NodemailerDir, out var node, out var nodemailer);
        await stdout.WriteLineAsync($"bench smtp: {settings.Messages:N0} messages to {settings.Host}:{settings.Port}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using (var sizing = Transport(settings, 1, clock))
            await stdout.WriteLineAsync($"  message: {sizing.Render(mails[0]).Length:N0} bytes as MimeKit writes it (headers, text/plain and text/html, quoted-printable); smtp-source sends -l 1024");

        var rows = new List<Row>();
        var failed = false;
        foreach (var k in settings.Connections)
        {
            var (ours, problem) = await OursAsync(settings, mails, k, clock);
            await stdout.WriteLineAsync($"  {k} connection(s): SmtpMailTransport (MailKit) {Rate(ours)}{(problem is null ? "" : $" ({problem})")}");
            failed |= problem is not null;

            double? peer = null;
            if (missing is not null)
                await stdout.WriteLineAsync($"  {k} connection(s): nodemailer not available ({missing})");
            else
            {
                var (rate, note) = await NodemailerAsync(node, nodemailer, settings, mails, k);
                peer = rate;
                await stdout.WriteLineAsync($"  {k} connection(s): nodemailer pooled {(rate is null ? "failed" : Rate(rate.Value))}{(note is null ? "" : $" ({note})")}");
            }

            double? source = null;
            if (!File.Exists(SmtpSource))
                await stdout.WriteLineAsync($"  {k} connection(s): smtp-source not available ({SmtpSource} is missing)");
            else
            {
                source = await SmtpSourceAsync(settings, k, stderr);
                await stdout.WriteLineAsync($"  {k} connection(s): smtp-source -d {(source is null ? "failed" : Rate(source.Value))}");
            }
            rows.Add(new Row(k, ours, peer, source));
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync("  connections | ours msg/s | nodemailer msg/s | smtp-source msg/s | ours/nodemailer | ours/smtp-source");
        foreach (var r in rows)
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {r.Connections,11} | {r.Ours,10:N0} | {Cell(r.Nodemailer),16} | {Cell(r.SmtpSource),17} | {Ratio(r.Ours, r.Nodemailer),15} | {Ratio(r.Ours, r.SmtpSource),16}"));
        return failed ? CommandLine.Failed : CommandLine.Ok;
    }

    private static async Task<(double Rate, string? Problem)> OursAsync(Settings settings, List<OutgoingMail> mails, int connections, IClock clock)
    {
        // Warm-up on a pool of its own: the timed run pays for its connections but not for the JIT.
        await using (var warm = Transport(settings, connections, clock))
            await warm.SendManyAsync(mails.Take(settings.Warmup).ToList());
        await using var transport = Transport(settings, connections, clock);
        var clockwork = Stopwatch.StartNew();
        var results = await transport.SendManyAsync(mails);
        var seconds = clockwork.Elapsed.TotalSeconds;
        var sent = results.Count(r => r.Outcome == MailOutcome.Sent);
        var problem = sent == results.Count ? null
            : $"{results.Count - sent} not sent, first: {results.First(r => r.Outcome != MailOutcome.Sent).Reply}";
        return (sent / seconds, problem);
    }

    private static async Task<(double? Rate, string? Note)> NodemailerAsync(string node, string folder, Settings settings, List<OutgoingMail> mails, int connections)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-smtp-{Guid.NewGuid():N}.json");
        try
        {
            await NodemailerPeer.WriteMessagesAsync(file, From, mails);
            var outcome = await NodemailerPeer.SendAsync(node, folder, settings.Host, settings.Port, connections, file, settings.Warmup);
            return (outcome.Rate, outcome.Note);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<double?> SmtpSourceAsync(Settings settings, int connections, TextWriter stderr)
    {
        var clockwork = Stopwatch.StartNew();
        var output = await Processes.RunAsync(SmtpSource, ["-s", $"{connections}", "-m", $"{settings.Messages}", "-l", "1024", "-d",
            "-f", From, "-t", "sink@bench.invalid", $"{settings.Host}:{settings.Port}"]);
        var seconds = clockwork.Elapsed.TotalSeconds;
        if (!output.Ok)
        {
            await stderr.WriteLineAsync($"smtp-source failed: {Processes.FirstLine(output.Errors)}");
            return null;
        }
        return settings.Messages / seconds;
    }

    private static SmtpMailTransport Transport(Settings settings, int connections, IClock clock) =>
        new(new SmtpTransportOptions { Host = settings.Host, Port = settings.Port, FromAddress = From, FromName = "Bench Notices", Connections = connections }, clock);

    // About 1 KB on the wire, like smtp-source -l 1024: a short notice in both parts.
    private static List<OutgoingMail> Generate(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return Enumerable.Range(0, count).Select(i => new OutgoingMail(
            $"supporter{i}@example.org",
            $"Notice of a data breach affecting your record ({i})",
            $"Dear supporter {i},\n\nOn 6 March 2026 we found that someone outside the organisation had accessed the system that holds"
            + " supporters' names and email addresses. Your record was among those accessed.\n\nWhat you can do: be wary of"
            + " messages that claim to come from us.\n",
            $"<p>Dear supporter {i},</p><p>On 6 March 2026 we found that someone outside the organisation had accessed the system"
            + " that holds supporters' names and email addresses.</p><p>Be wary of messages that claim to come from us.</p>",
            $"<bench.{run}.{i}@compliance.invalid>")).ToList();
    }

    private static Settings? Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            options[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !options.TryGetValue("smtp", out var smtp)) return null;
        var colon = smtp.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], out var port) || port is < 1 or > 65535) return null;
        var messages = options.TryGetValue("messages", out var m) ? int.TryParse(m, out var n) && n > 0 ? n : -1 : 20_000;
        var connections = (options.GetValueOrDefault("connections") ?? "4").Split(',')
            .Select(k => int.TryParse(k, out var v) && v is >= 1 and <= 256 ? v : -1).ToArray();
        var warmup = options.TryGetValue("warmup", out var w) ? int.TryParse(w, out var v) && v >= 0 ? v : -1 : Math.Min(2_000, messages);
        if (messages < 0 || warmup < 0 || connections.Any(k => k < 0)) return null;
        return new Settings(smtp[..colon].Trim('[', ']'), port, messages, connections, Math.Min(warmup, messages), options.GetValueOrDefault("nodemailer"));
    }

    private static string Rate(double perSecond) => string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} msg/s");

    private static string Cell(double? rate) => rate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "n/a";

    private static string Ratio(double ours, double? other) =>
        other is > 0 ? (ours / other.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";
}
