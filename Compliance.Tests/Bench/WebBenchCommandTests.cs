using System.Text.RegularExpressions;
using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Bench;

// `bench web` end to end on a tiny federation: seeded, served by a web node of its own, signed in, loaded by wrk. Its
// figures are for people; what is asserted is that every page answered, and that the report has every figure.
public sealed class WebBenchCommandTests
{
    [Fact]
    public async Task Bench_web_seeds_a_federation_signs_in_and_reports_every_page_beside_the_static_file()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await BenchCommandLine.RunAsync(["web", "--organisations", "3", "--incidents", "7", "--people", "300", "--clients", "2", "--seconds", "1"],
            FixedClock.At("2026-06-01T12:00:00Z"), stdout, stderr);

        var output = stdout.ToString();
        Assert.True(exit == CommandLine.Ok, output + stderr);
        Assert.Contains("bench web: 3 organisations, 7 incidents, 300 people on SQLite; 2 clients for 1 s per page", output);
        Assert.Matches(@"seeded through the real code paths in [\d.]+ s: 7 incidents .*, [1-9][\d,]* duties, 300 affected people", output);
        foreach (var page in new[] { "dashboard", "incident page", "people page", "API incident list", "static file" })
            Assert.Matches($@"\n  {page} +[\d,]+ req/s  p50 +[\d.]+ ms  p99 +[\d.]+ ms +[\d,]+ bytes\r?\n", output);   // no failed requests noted
        Assert.Matches(@"web node peak memory: [1-9][\d,]* MB", output);
        Assert.Matches(@"\np99 ratio to static: [\d.]+\r?\n$", output);
        Assert.DoesNotContain("[web node]", stderr.ToString());
        // The static file is as large as the dashboard it is compared with.
        var bytes = Regex.Matches(output, @"\n  (dashboard|static file) .* ([\d,]+) bytes").Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(2, bytes.Count);
        Assert.Equal(bytes[0], bytes[1]);
    }

    [Fact]
    public async Task A_kept_federation_is_measured_again_without_seeding()
    {
        var clock = FixedClock.At("2026-06-01T12:00:00Z");
        var first = new StringWriter();
        var exit = await BenchCommandLine.RunAsync(["web", "--organisations", "2", "--incidents", "3", "--people", "30", "--clients", "1", "--seconds", "1", "--keep"], clock, first, new StringWriter());
        Assert.Equal(CommandLine.Ok, exit);
        var folder = Regex.Match(first.ToString(), @"measure it again with --reuse (\S+)").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(folder, "bench.json")), first.ToString());

        var again = new StringWriter();
        var stderr = new StringWriter();
        exit = await BenchCommandLine.RunAsync(["web", "--reuse", folder, "--clients", "1", "--seconds", "1"], clock, again, stderr);

        var output = again.ToString();
        Assert.True(exit == CommandLine.Ok, output + stderr);
        Assert.StartsWith($"bench web: the federation kept in {folder} (3 incidents, ", output);
        Assert.DoesNotContain("seeded", output);
        Assert.Matches(@"\n  dashboard +[\d,]+ req/s", output);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("--organisations 0")]
    [InlineData("--incidents many")]
    [InlineData("--clients")]
    [InlineData("--database mysql")]
    [InlineData("--connection Host=x")]
    [InlineData("--rps 10")]
    [InlineData("--keep --reuse /tmp")]
    [InlineData("--reuse /tmp --people 10")]
    public async Task Bench_web_with_a_bad_option_is_bad_input(string commandLine)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await BenchCommandLine.RunAsync(["web", .. commandLine.Split(' ')], FixedClock.At("2026-06-01T12:00:00Z"), stdout, stderr);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.StartsWith("usage: bench web", stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Bench_web_reusing_a_folder_that_holds_no_kept_federation_says_so()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var empty = Directory.CreateTempSubdirectory("bench-web-empty-").FullName;

        var exit = await BenchCommandLine.RunAsync(["web", "--reuse", empty], FixedClock.At("2026-06-01T12:00:00Z"), stdout, stderr);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Equal($"error: {empty} holds no bench.json: keep a seeded run with --keep first.", stderr.ToString().Trim());
        Directory.Delete(empty);
    }

    [Fact]
    public void Wrk_figures_are_read_from_its_report_in_milliseconds_with_refused_requests_counted()
    {
        const string report = """
            Running 1s test @ http://127.0.0.1:18999/
              1 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     3.79ms    5.37ms  47.13ms   90.87%
                Req/Sec   786.30    237.06     1.20k    70.00%
              Latency Distribution
                 50%  742.00us
                 75%    5.07ms
                 90%    8.80ms
                 99%    1.20s
              785 requests in 1.00s, 398.63KB read
              Socket errors: connect 0, read 3, write 0, timeout 2
              Non-2xx or 3xx responses: 17
            Requests/sec:    781.40
            Transfer/sec:    396.80KB
            """;

        var result = Wrk.Parse(report);

        Assert.Equal(781.40, result.RequestsPerSecond);
        Assert.Equal(0.742, result.P50Ms, 6);
        Assert.Equal(1200, result.P99Ms, 6);
        Assert.Equal(785, result.Requests);
        Assert.Equal(5, result.Errors);
        Assert.Equal(17, result.Non2xx);
        Assert.Throws<FormatException>(() => Wrk.Parse("Running 1s test\n  0 requests in 1.00s"));
    }
}

// `bench sweep` on a tiny federation: both curves printed, every due reminder sent in every pass.
public sealed class SweepBenchCommandTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bench_sweep_prints_a_row_per_organisation_count_then_per_due_count(Compliance.Domain.Persistence.DatabaseProvider provider)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] database = provider == Compliance.Domain.Persistence.DatabaseProvider.Postgres ? ["--database", "postgres"] : [];

        var exit = await BenchCommandLine.RunAsync(["sweep", "--organisations", "2,5", "--duties", "60", "--due", "3,6", "--passes", "2", .. database],
            FixedClock.At("2026-06-01T12:00:00Z"), stdout, stderr);

        var output = stdout.ToString();
        Assert.True(exit == CommandLine.Ok, output + stderr);
        Assert.Contains("bench sweep: 60 open duties, mail to the pickup folder, median of 2 passes", output);
        var rows = Regex.Matches(output, @"\n +(\d+) +(\d+) +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms +\d+ s").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("2", "3"), ("5", "3"), ("5", "6")], rows);
        Assert.Equal("", stderr.ToString());
    }

    [Theory]
    [InlineData("--organisations 0")]
    [InlineData("--due 5,x")]
    [InlineData("--duties 10 --due 20")]
    [InlineData("--smtp nowhere")]
    [InlineData("--database mysql")]
    public async Task Bench_sweep_with_a_bad_option_is_bad_input(string commandLine)
    {
        var stderr = new StringWriter();
        var exit = await BenchCommandLine.RunAsync(["sweep", .. commandLine.Split(' ')], FixedClock.At("2026-06-01T12:00:00Z"), new StringWriter(), stderr);
        Assert.Equal(CommandLine.BadInput, exit);
        Assert.StartsWith("usage: bench sweep", stderr.ToString());
    }
}
