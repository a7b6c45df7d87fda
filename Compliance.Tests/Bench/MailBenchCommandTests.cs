using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Bench;

// `bench smtp` runs end to end on a small count; its figures are for people, so no timing is asserted.
public sealed class MailBenchCommandTests
{
    [Fact]
    public async Task Bench_smtp_prints_each_sender_and_the_ratios_whether_or_not_the_peers_are_installed()
    {
        using var sink = new SmtpSink();
        var stdout = new StringWriter();

        var exit = await MailBenchCommand.RunAsync(
            ["--smtp", $"127.0.0.1:{sink.Port}", "--messages", "100", "--connections", "1,2", "--warmup", "10"], Compliance.Tests.Mail.Notices.Clock, stdout, new StringWriter());

        var output = stdout.ToString();
        Assert.True(exit == CommandLine.Ok, output);
        Assert.Contains("1 connection(s): SmtpMailTransport (MailKit) ", output);
        Assert.Contains("2 connection(s): SmtpMailTransport (MailKit) ", output);
        Assert.Matches(@"2 connection\(s\): nodemailer (pooled [\d,]+ msg/s|not available)", output);
        Assert.Matches(@"2 connection\(s\): smtp-source (-d [\d,]+ msg/s|not available)", output);
        Assert.Contains("ours/nodemailer | ours/smtp-source", output);
        Assert.True(sink.Messages().Count >= 2 * 110, output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--smtp localhost")]
    [InlineData("--smtp localhost:25 --connections 0")]
    [InlineData("--smtp localhost:25 --messages")]
    public async Task Bench_smtp_without_a_usable_server_address_or_counts_is_bad_input(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stderr = new StringWriter();

        var exit = await MailBenchCommand.RunAsync(args, Compliance.Tests.Mail.Notices.Clock, new StringWriter(), stderr);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.StartsWith("usage: bench smtp", stderr.ToString());
    }
}
