using System.Diagnostics;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Foundation;

// A deployer's mistake must stop start-up with one sentence, not a stack trace.
public sealed class StartupTests
{
    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => Cli.RunAsync(FixedClock.At("2026-01-01T00:00:00Z"), "", args);

    private static void AssertOneSentence(string stderr, string mustMention)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(mustMention, lines[0]);
        Assert.DoesNotContain(" at ", lines[0]);
    }

    [Fact]
    public async Task An_unknown_provider_is_named_in_one_sentence()
    {
        var (code, _, err) = await RunAsync("--urls=http://127.0.0.1:0", "--Database:Provider=Oracle");
        Assert.Equal(CommandLine.BadInput, code);
        AssertOneSentence(err, "'Oracle' is not supported");
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_named_in_one_sentence()
    {
        var (code, _, err) = await RunAsync("--urls=http://127.0.0.1:0", "--Database:Provider=Postgres",
            "--ConnectionStrings:Compliance=Host=127.0.0.1;Port=1;Username=app;Database=nowhere;Timeout=3");
        Assert.Equal(CommandLine.BadInput, code);
        AssertOneSentence(err, "Cannot reach the Postgres database (127.0.0.1:1/nowhere)");
    }

    [Fact]
    public async Task SQL_Server_without_a_connection_string_is_named_in_one_sentence()
    {
        var (code, _, err) = await RunAsync("migrate", "--Database:Provider=SqlServer");
        Assert.Equal(CommandLine.BadInput, code);
        AssertOneSentence(err, "Database:Provider is SqlServer but ConnectionStrings:Compliance is empty");
    }

    // The only SQL Server behaviour the tests can run: the error mapping when there is none to reach.
    [Fact]
    public async Task An_unreachable_SQL_Server_is_named_in_one_sentence()
    {
        var (code, _, err) = await RunAsync("--urls=http://127.0.0.1:0", "--Database:Provider=SqlServer",
            "--ConnectionStrings:Compliance=Server=tcp:127.0.0.1,1;Database=nowhere;User Id=app;Password=x;Connect Timeout=3;ConnectRetryCount=0;Encrypt=False");
        Assert.Equal(CommandLine.BadInput, code);
        AssertOneSentence(err, "Cannot reach the SqlServer database (tcp:127.0.0.1,1/nowhere)");
    }

    [Fact]
    public async Task An_unwritable_data_folder_is_named_in_one_sentence()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"not-a-folder-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");
        var (code, _, err) = await RunAsync("--urls=http://127.0.0.1:0", $"--ConnectionStrings:Compliance=Data Source={blocker}/data/compliance.db");
        Assert.Equal(CommandLine.BadInput, code);
        AssertOneSentence(err, "is not writable");
    }

    [Fact]
    public async Task An_unknown_command_prints_usage_and_exits_with_2()
    {
        var (code, _, err) = await RunAsync("frobnicate");
        Assert.Equal(CommandLine.BadInput, code);
        Assert.Contains("Unknown command 'frobnicate'", err);
        Assert.Contains("seed-demo", err);
    }

    [Fact]
    public async Task The_real_executable_exits_with_2_and_no_stack_trace()
    {
        var dll = typeof(CommandLine).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", [dll, "migrate", "--Database:Provider=Oracle"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(psi)!;
        var err = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        AssertOneSentence(err, "Database:Provider 'Oracle'");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_brings_an_empty_database_up_to_date(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateAsync(provider);
        var (code, output, err) = await RunAsync(["migrate", .. db.Arguments()]);
        Assert.True(code == CommandLine.Ok, err);
        Assert.Contains($"The {provider} database", output);
        Assert.Contains("is up to date", output);
    }
}
