using Compliance.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Operators;

/// <summary>
/// <c>operator grant --email E</c> / <c>operator revoke --email E</c>: who runs this installation and may open the job
/// dashboard, which shows every organisation's jobs. Only the server's command line sets it, never the web. The
/// change is written to the audit log of every organisation, since it is every organisation's data that the
/// operator can then see.
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
        var user = await AccountCommands.FindUserAsync(db, email);
        if (user is null) return AccountCommands.Usage(stderr, $"error: no account '{email}'; add one with 'user add' first.");

        var grant = verb == "grant";
        if (user.InstanceOperator == grant)
        {
            await stdout.WriteLineAsync($"{user.Email} {(grant ? "is already" : "is not")} an instance operator; nothing changed.");
            return CommandLine.Ok;
        }
        user.InstanceOperator = grant;   // the dashboard reads it on every request: a revocation holds at once
        var audit = new AuditLog(db, clock);
        foreach (var orgId in await db.Organisations.Select(x => x.Id).ToListAsync())
            await audit.AppendAsync(orgId, null, "command-line", grant ? "operator.granted" : "operator.revoked", new { user = user.Email });
        await db.SaveChangesAsync();
        await stdout.WriteLineAsync(grant
            ? $"{user.Email} is now an instance operator: after signing in with two-factor authentication they may open /admin/hangfire."
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
