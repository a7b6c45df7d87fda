using Compliance.Domain.Persistence;
using Compliance.Web.Commands;
using NodaTime;

namespace Compliance.Tests.Support;

/// <summary>The command line run in-process, with what it wrote to stdout and stderr.</summary>
public static class Cli
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(IClock clock, string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, clock, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The same against a database (its provider and connection string appended to the arguments).</summary>
    public static Task<(int Code, string Out, string Err)> RunAsync(DatabaseOptions db, IClock clock, string stdin, params string[] args) =>
        RunAsync(clock, stdin, [.. args, .. db.Arguments()]);

    public static string[] Arguments(this DatabaseOptions db) =>
        [$"--Database:Provider={db.Provider}", $"--ConnectionStrings:Compliance={db.ConnectionString}",
            $"--Audit:Key={Convert.ToBase64String(TestDatabases.AuditKey)}", $"--Audit:Folder={TestDatabases.AuditFolderOf(db)}"];
}
