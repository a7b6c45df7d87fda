using System.Text.RegularExpressions;
using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Bench;

// `bench notices` runs the whole campaign end to end on a small count; its figures are for people, so no timing is asserted.
public sealed class NoticeBenchCommandTests
{
    private const int People = 2_000;

    [Fact]
    public async Task Bench_notices_imports_the_people_and_sends_each_of_them_one_notice()
    {
        using var sink = new SmtpSink();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await BenchCommandLine.RunAsync(["notices", "--people", $"{People}", "--smtp", $"127.0.0.1:{sink.Port}", "--connections", "2"],
            Compliance.Tests.Mail.Notices.Clock, stdout, stderr);

        var output = stdout.ToString();
        Assert.True(exit == CommandLine.Ok, output + stderr);
        Assert.Matches(@"import: check [\d,]+ people/s .*; together [\d,]+ people imported/s", output);
        Assert.Matches(@"send: 2,000 messages in [\d.]+ s: [\d,]+ messages/s; [\d,]+ hand-off commits", output);
        Assert.Contains("states: queued 0, sending 0, sent 2,000 (2,000 confirmed), retry-later 0, failed 0, withheld 0", output);
        Assert.Matches(@"peak memory: [\d,]+ MB", output);
        Assert.Matches(@"machine: \d+ cores, \.NET 10\.", output);
        Assert.Equal("", stderr.ToString());

        // nodemailer, when installed, sends the same messages (after a warm-up with the first of them) to the same sink.
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output,
            @"nodemailer(?: pooled, the same 2,000 messages to the same server over 2 connection\(s\): [\d,]+ messages/s.*; ours/nodemailer [\d.]+|: not available)"), output);
        var peer = output.Contains("nodemailer pooled") ? 2 * People : 0;
        var received = sink.Received();
        Assert.Equal(People + peer, received.Count);
        Assert.Equal(People, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Contains(received, m => m.Header("Content-Language") == "zh-Hant");
        Assert.Contains(received, m => m.Header("Content-Language") == "fr");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bench_notices_deletes_its_temporary_folder_and_database_unless_kept(bool keep)
    {
        using var sink = new SmtpSink();
        var stdout = new StringWriter();

        var exit = await NoticeBenchCommand.RunAsync(["--people", "20", "--smtp", $"127.0.0.1:{sink.Port}", .. keep ? new[] { "--keep" } : []],
            Compliance.Tests.Mail.Notices.Clock, stdout, new StringWriter());

        Assert.Equal(CommandLine.Ok, exit);
        var database = Regex.Match(stdout.ToString(), @"machine: .*SQLite [\d.]+ \((?<file>.+)\)").Groups["file"].Value;
        var folder = Path.GetDirectoryName(database)!;
        Assert.StartsWith("bench-notices-", Path.GetFileName(folder));
        Assert.Equal(keep, File.Exists(database));
        if (keep) Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--smtp 127.0.0.1:25")]
    [InlineData("--people --smtp 127.0.0.1:25")]
    [InlineData("--people 0 --smtp 127.0.0.1:25")]
    [InlineData("--people many --smtp 127.0.0.1:25")]
    [InlineData("--people 10")]
    [InlineData("--people 10 --smtp localhost")]
    [InlineData("--people 10 --smtp localhost:0")]
    [InlineData("--people 10 --smtp :25")]
    [InlineData("--people 10 --smtp localhost:25 --connections 0")]
    [InlineData("--people 10 --smtp localhost:25 --database mysql")]
    [InlineData("--people 10 --smtp localhost:25 --connection Host=x")]
    [InlineData("--people 10 --smtp localhost:25 --messages 5")]
    public async Task Bench_notices_without_a_count_of_people_or_a_usable_server_address_is_bad_input(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await BenchCommandLine.RunAsync(["notices", .. args], Compliance.Tests.Mail.Notices.Clock, stdout, stderr);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.StartsWith("usage: bench notices", stderr.ToString());
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.Equal("", stdout.ToString());
    }
}
