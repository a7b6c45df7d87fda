using Compliance.Domain.Persistence;

namespace Compliance.Web.Commands;

/// <summary><c>migrations-script --provider sqlserver|postgres|sqlite</c>: the idempotent migration script on stdout, for a DBA.</summary>
public static class MigrationsScriptCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var provider = args is ["--provider", var name] ? Parse(name) : null;
        if (provider is null)
        {
            await stderr.WriteLineAsync("error: migrations-script needs --provider sqlserver, postgres or sqlite.");
            return CommandLine.BadInput;
        }
        await stdout.WriteAsync(MigrationScript.Idempotent(provider.Value));
        return CommandLine.Ok;
    }

    private static DatabaseProvider? Parse(string name) => name.ToLowerInvariant() switch
    {
        "sqlserver" => DatabaseProvider.SqlServer,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        "sqlite" => DatabaseProvider.Sqlite,
        _ => null,
    };
}
