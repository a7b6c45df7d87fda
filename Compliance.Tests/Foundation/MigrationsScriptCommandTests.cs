using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Foundation;

public sealed class MigrationsScriptCommandTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => Cli.RunAsync(FixedClock.At("2026-01-01T00:00:00Z"), "", args);

    [Theory]
    [InlineData("sqlserver", "CREATE TABLE [organisations]")]
    [InlineData("postgres", "CREATE TABLE organisations")]
    [InlineData("sqlite", "CREATE TABLE \"organisations\"")]
    public async Task Prints_the_idempotent_script_of_the_providers_migrations(string provider, string expected)
    {
        var (code, stdout, stderr) = await Run("migrations-script", "--provider", provider);

        Assert.Equal(CommandLine.Ok, code);
        Assert.Equal("", stderr);
        Assert.Contains(expected, stdout);
        Assert.Contains("_Baseline", stdout);
    }

    [Theory]
    [InlineData("oracle")]
    [InlineData(null)]
    public async Task A_bad_or_missing_provider_is_one_sentence_and_exit_code_2(string? provider)
    {
        var (code, stdout, stderr) = await Run(provider is null ? ["migrations-script"] : ["migrations-script", "--provider", provider]);

        Assert.Equal(CommandLine.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: migrations-script needs --provider sqlserver, postgres or sqlite.", stderr.Trim());
    }
}
