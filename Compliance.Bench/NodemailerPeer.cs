using System.Diagnostics;
using System.Text.Json;
using Compliance.Jobs.Mail;

namespace Compliance.Bench;

/// <summary>
/// nodemailer's pooled transport (tools/nodemailer-bench), the peer the bench commands compare our transport with:
/// the same messages, from a JSON file, to the same server with the same number of connections.
/// </summary>
internal static class NodemailerPeer
{
    public sealed record Outcome(double? Rate, string? Note);

    /// <summary>Why the peer cannot run here, or null when it can.</summary>
    public static string? Missing(string? given, out string node, out string folder)
    {
        node = FindOnPath("node") ?? "";
        folder = Find(given) ?? "";
        return node.Length == 0 ? "node is not on PATH" : folder.Length == 0 ? "run npm install in tools/nodemailer-bench" : null;
    }

    public static async Task WriteMessagesAsync(string file, string from, IEnumerable<OutgoingMail> mails)
    {
        await using var stream = File.Create(file);
        await using var json = new Utf8JsonWriter(stream);
        WriteStart(json, from);
        foreach (var mail in mails) WriteMessage(json, mail);
        WriteEnd(json);
    }

    public static void WriteStart(Utf8JsonWriter json, string from)
    {
        json.WriteStartObject();
        json.WriteString("from", from);
        json.WriteStartArray("messages");
    }

    public static void WriteMessage(Utf8JsonWriter json, OutgoingMail mail)
    {
        json.WriteStartObject();
        json.WriteString("to", mail.To);
        json.WriteString("subject", mail.Subject);
        json.WriteString("text", mail.Text);
        if (mail.Html is not null) json.WriteString("html", mail.Html);
        json.WriteString("messageId", mail.MessageId);
        if (mail.Headers is { Count: > 0 } headers)
        {
            json.WriteStartObject("headers");
            foreach (var (name, value) in headers) json.WriteString(name, value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    public static void WriteEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static async Task<Outcome> SendAsync(string node, string folder, string host, int port, int connections, string messagesFile, int warmup)
    {
        try
        {
            var output = await Processes.RunAsync(node, [Path.Combine(folder, "bench.mjs"), "--host", host, "--port", $"{port}",
                "--connections", $"{connections}", "--messages", messagesFile, "--warmup", $"{warmup}"]);
            if (!output.Ok) return new Outcome(null, Processes.FirstLine(output.Errors));
            using var json = JsonDocument.Parse(output.Output.Trim().Split('\n')[^1]);
            var root = json.RootElement;
            var failures = root.GetProperty("failed").GetInt32();
            return new Outcome(root.GetProperty("rate").GetDouble(),
                failures == 0 ? null : $"{failures} not sent, first: {root.GetProperty("firstError").GetString()}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return new Outcome(null, $"unreadable output: {e.Message}");
        }
    }

    private static string? Find(string? given)
    {
        IEnumerable<string> candidates = given is not null ? [given]
            : new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }.SelectMany(Ancestors).Select(d => Path.Combine(d, "tools", "nodemailer-bench"));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "bench.mjs")) && Directory.Exists(Path.Combine(d, "node_modules", "nodemailer")));
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent) yield return d.FullName;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}

/// <summary>A helper process run to the end (ten minutes at most), with what it printed.</summary>
internal static class Processes
{
    public sealed record Finished(bool Ok, string Output, string Errors);

    public static async Task<Finished> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start);
        if (process is null) return new Finished(false, "", $"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Finished(false, "", $"{Path.GetFileName(program)} ran for more than ten minutes");
        }
        return new Finished(process.ExitCode == 0, await stdout, await stderr);
    }

    public static string FirstLine(string text) => text.Trim().Split('\n')[0];
}
