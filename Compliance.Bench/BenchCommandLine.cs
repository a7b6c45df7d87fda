using Compliance.Web.Commands;
using NodaTime;

namespace Compliance.Bench;

/// <summary>The benchmarks' command line. Exit codes as the application's: 0 done, 1 failed, 2 bad input.</summary>
public static class BenchCommandLine
{
    public const string Usage = """
        Usage: Compliance.Bench <bench> [options]   (build with -c Release)

        Benches:
          assess [--seconds N]
                            time the rules engine on one incident with people in every jurisdiction of the catalogue
          filing [--iterations N]
                            time composing and rendering a three-page filing with Chinese text
          smtp --smtp HOST:PORT [--messages N] [--connections K[,K...]] [--warmup N] [--nodemailer DIR]
                            our SMTP transport against nodemailer and smtp-source (messages/s and ratios)
          notices --people N --smtp HOST:PORT [--connections K] [--database sqlite|postgres] [--connection CS] [--keep]
                            a whole campaign on a fresh database: N fictional people imported, a notice prepared,
                            approved and sent by the campaign sender (people/s, messages/s, peak memory)
          web [--organisations N] [--incidents N] [--people N] [--clients C] [--seconds S] [--database sqlite|postgres] [--connection CS] [--keep]
                            a federation seeded through the real code, then the dashboard, incident page, people page and
                            API list under C clients (wrk) beside a static file: req/s, p50/p99, the node's peak memory
          sweep [--organisations N[,N...]] [--duties N] [--due N[,N...]] [--passes N] [--database sqlite|postgres] [--connection CS] [--smtp HOST:PORT]
                            one reminder sweep pass over many open duties with a few due: how it grows with the
                            organisations and with what is due (a fresh database per row)
          assess [--seconds N]
                            time the rules engine on one incident with people in 60 jurisdictions
        """;

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        // "bench assess" as the application's command line once had it still works.
        if (args is ["bench", ..]) args = args[1..];
        var rest = args.Length > 0 ? args[1..] : [];
        try
        {
            return args.FirstOrDefault() switch
            {
                "assess" => await BenchCommand.RunAsync(args, stdout, stderr),
                "filing" => await FilingBenchCommand.RunAsync(rest, stdout, stderr),
                "smtp" => await MailBenchCommand.RunAsync(rest, clock, stdout, stderr),
                "notices" => await NoticeBenchCommand.RunAsync(rest, clock, stdout, stderr),
                "sweep" => await SweepBenchCommand.RunAsync(rest, clock, stdout, stderr),
                "web" => await WebBenchCommand.RunAsync(rest, clock, stdout, stderr),
                "web-node" => await WebBenchCommand.ServeNodeAsync(rest, clock),
                "help" or "--help" or "-h" => Print(stdout, Usage, CommandLine.Ok),
                var other => Print(stderr, $"Unknown bench '{other}'.\n\n{Usage}", CommandLine.BadInput),
            };
        }
        catch (ConfigurationProblem e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return CommandLine.BadInput;
        }
    }

    private static int Print(TextWriter writer, string text, int code)
    {
        writer.WriteLine(text);
        return code;
    }
}
