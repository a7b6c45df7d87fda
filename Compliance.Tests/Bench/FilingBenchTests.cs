using Compliance.Web.Commands;

namespace Compliance.Tests.Bench;

public sealed class FilingBenchTests
{
    [Fact]
    public async Task Bench_filing_renders_the_three_page_filing_and_prints_median_and_p90()
    {
        var stdout = new StringWriter();
        var code = await FilingBenchCommand.RunAsync(["--iterations", "3"], stdout, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("3 pages", stdout.ToString());
        Assert.Matches(@"compose \+ render: median \d+\.\d ms, p90 \d+\.\d ms", stdout.ToString());
    }

    [Fact]
    public async Task Bench_filing_refuses_unknown_options()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await FilingBenchCommand.RunAsync(["--fast"], new StringWriter(), stderr));
        Assert.Contains("usage: bench filing", stderr.ToString());
    }
}
