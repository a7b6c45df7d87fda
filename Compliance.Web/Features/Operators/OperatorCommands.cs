using Compliance.Domain.Organisations;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Operators;

/// <summary>
/// <c>operator grant --email E</c> / <c>operator revoke --email E</c> / <c>operator list</c>: who runs this installation
/// and may open the job dashboard (<see cref="SetInstanceOperator"/>); only the server's command line sets it.
/// </summary>
public static class OperatorCommands
{
    private const string UsageText = "usage: operator grant --email EMAIL | operator revoke --email EMAIL | operator list";

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (args is not [("grant" or "revoke" or "list") and var verb, ..]) return AccountCommands.Usage(stderr, UsageText);
        var o = Options.Parse(args[1..]);
        if (verb == "list") return await ListAsync(o, stdout);
        if (o.Get("email") is not { } email || !email.Contains('@'))
            return AccountCommands.Usage(stderr, $"error: {verb} needs --email with the address of an existing account.");

        await using var db = await AccountCommands.OpenAsync(o);
        var grant = verb == "grant";
        var set = await new SetInstanceOperator(db, clock).HandleAsync(Actor.System(Guid.Empty, "command-line"), new SetInstanceOperator.Request(email, grant));
        if (!set.IsOk) return AccountCommands.Usage(stderr, $"error: no account '{email}'; add one with 'user add' first.");
        var user = set.Value!.User;
        await stdout.WriteLineAsync(!set.Value.Changed ? $"{user.Email} {(grant ? "is already" : "is not")} an instance operator; nothing changed."
            : grant ? $"{user.Email} is now an instance operator: after signing in with two-factor authentication they may open /admin/hangfire."
            : $"{user.Email} is no longer an instance operator.");
        return CommandLine.Ok;
    }

    private static async Task<int> ListAsync(Options o, TextWriter stdout)
    {
        await using var db = await AccountCommands.OpenAsync(o);
        foreach (var email in await db.Users.Where(u => u.InstanceOperator).OrderBy(u => u.Email).Select(u => u.Email).ToListAsync())
            await stdout.WriteLineAsync(email);
        return CommandLine.Ok;
    }
}
