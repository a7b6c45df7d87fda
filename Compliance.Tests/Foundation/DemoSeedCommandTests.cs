using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

namespace Compliance.Tests.Foundation;

// What ./run.sh prints: the demo's real counts, and a clear word when the passwords changed.
public sealed class DemoSeedCommandTests
{
    [Fact]
    public async Task Running_the_demo_again_says_the_passwords_changed_and_counts_what_is_there()
    {
        var db = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        var clock = FixedClock.At("2026-11-22T08:00:00Z");

        var first = await Cli.RunAsync(db, clock, "", "seed-demo");
        Assert.Equal(0, first.Code);
        Assert.Contains("is ready with 2 incident(s)", first.Out);
        Assert.Contains("Keep these passwords", first.Out);

        var second = await Cli.RunAsync(db, clock, "", "seed-demo");
        Assert.Contains("is there with 2 incident(s)", second.Out);
        Assert.Contains("These passwords are NEW: the ones printed by an earlier run no longer work", second.Out);
        Assert.NotEqual(Password(first.Out), Password(second.Out));
    }

    private static string Password(string output) =>
        output.Split('\n').Single(l => l.Contains("lead@demo.example", StringComparison.Ordinal)).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
}
