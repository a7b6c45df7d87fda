using Compliance.Jobs.Hosting;
using Compliance.Domain.Persistence;
using Compliance.Web.Hosting;
using NodaTime;

namespace Compliance.Web.Commands;

/// <summary>
/// One executable, several commands. No command serves the web application.
/// Exit codes: 0 success, 1 failure at run time, 2 bad input or bad configuration.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    public const string Usage = """
        Usage: Compliance.Web [command] [options]

        Commands:
          (none)            serve the web application (migrates the database first)
          migrate           apply database migrations and exit
          migrations-script --provider sqlserver|postgres|sqlite
                            print the migration script for a DBA (idempotent; on SQLite for an empty database; never connects)
          seed-demo         create the demo organisation, users and incidents (prints sign-in details)
          assess FILE|-     who must be told, by when and why, for the incident facts in FILE (JSON; - reads stdin)
          org create --name N --slug S --zone Z [--establishments IE,GB] [--attributes a,b] [--require-2fa true]
                            create an organisation
          user add --org SLUG --email E --role R [--name N] [--incident REF --expires ISO]
                            add a member (password read from stdin; responders need an incident and an expiry)
          user remove --org SLUG --email E
                            remove a member: their sessions end and their tokens in that organisation are revoked
          token create --email E [--org SLUG] [--name N] [--days N]
                            print a new API token once (only its hash is stored)
          token list --email E
                            a person's tokens: id, name, organisation, created, last used, revoked or expiry
          token revoke --id TOKEN-ID
                            revoke a token at once
          operator grant --email E | operator revoke --email E | operator list
                            who runs this installation: only they may open the job dashboard (/admin/hangfire),
                            signed in with two-factor authentication; written to every organisation's audit log
          audit verify [--org SLUG]
                            check each organisation's keyed audit chain against its last signed checkpoint (outside
                            the database); exit 1 at the first broken entry; checkpoint the intact logs
          audit checkpoint [--org SLUG]
                            the same, printing only what is broken (for cron)
          uploads clean
                            delete uploaded lists of people past their expiry (Uploads:ExpiryHours), audited
          audit export --org SLUG [--incident REF]
                            the audit log as CSV
          people import --as EMAIL --incident REF --file F.csv --name COL --jurisdiction COL [--email COL] [--language COL]
                        [--phone COL] [--address COL] [--extra COL,COL] [--confirm]
                            check a list of affected people (every bad row with its line); with --confirm, import it encrypted
          filing FILE|- --jurisdiction J --out OUT.pdf
                            the regulator filing for J's authority as PDF (assessment JSON plus narrative fields); missing fields on stderr
          help              show this text

        Configuration (appsettings.json, environment variables such as Database__Provider, or --Key=value):
          Database:Provider             Sqlite (default), Postgres or SqlServer
          ConnectionStrings:Compliance  default 'Data Source=data/compliance.db'
          Scheduler:Enabled             true (default): this process runs a Hangfire server; false: workers do
        """;

    public static async Task<int> RunAsync(string[] args, IClock clock, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = command == "serve" ? args : args[1..];
        try
        {
            return command switch
            {
                "serve" => await ServeAsync(rest, clock),
                "migrate" => await MigrateAsync(rest, stdout),
                "migrations-script" => await MigrationsScriptCommand.RunAsync(rest, stdout, stderr),
                "seed-demo" => await DemoSeeder.RunAsync(rest, clock, stdout),
                "assess" => await AssessCommand.RunAsync(rest, stdin, stdout, stderr),
                "filing" => await FilingCommand.RunAsync(rest, clock, stdin, stdout, stderr),
                "org" => await OrganisationCommands.RunAsync(rest, clock, stdout, stderr),
                "user" when rest is ["remove", ..] => await AccessCommands.UserAsync(rest, clock, stdout, stderr),
                "user" => await AccountCommands.UserAsync(rest, clock, stdin, stdout, stderr),
                "token" when rest is ["list" or "revoke", ..] => await AccessCommands.TokenAsync(rest, clock, stdout, stderr),
                "token" => await AccountCommands.TokenAsync(rest, clock, stdout, stderr),
                "operator" => await OperatorCommands.RunAsync(rest, clock, stdout, stderr),
                "audit" => await AuditCommands.RunAsync(rest, clock, stdout, stderr),
                "people" => await PeopleCommand.RunAsync(rest, clock, stdout, stderr),
                "uploads" => await UploadCommands.RunAsync(rest, clock, stdout, stderr),
                "help" or "--help" or "-h" => Print(stdout, Usage, Ok),
                _ => Print(stderr, $"Unknown command '{command}'.\n\n{Usage}", BadInput),
            };
        }
        catch (ConfigurationProblem e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return BadInput;
        }
    }

    public static IConfiguration ReadConfiguration(string[] args) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

    private static async Task<int> ServeAsync(string[] args, IClock clock)
    {
        var app = await AppHost.BuildAsync(args, clock);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            throw new ConfigurationProblem($"Cannot listen: {e.Message}", e);
        }
        foreach (var url in AppHost.ListeningAddresses(app)) app.Logger.LogInformation("Serving on {Url} (health check: {Url}/health)", url, url);
        await app.WaitForShutdownAsync();
        return Ok;
    }

    private static async Task<int> MigrateAsync(string[] args, TextWriter stdout)
    {
        var settings = AppConfiguration.From(ReadConfiguration(args));
        await ComplianceDatabase.MigrateAsync(settings.Database);
        await stdout.WriteLineAsync($"The {settings.Database.Provider} database at {ComplianceDatabase.Describe(settings.Database)} is up to date.");
        return Ok;
    }

    private static int Print(TextWriter writer, string text, int code)
    {
        writer.WriteLine(text);
        return code;
    }
}
