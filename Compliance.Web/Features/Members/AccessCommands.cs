using Compliance.Domain.Organisations;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Members;

/// <summary>
/// <c>token list --email E</c>, <c>token revoke --id ID</c> and <c>user remove --org SLUG --email E</c>: taking access
/// away without SQL. Removing a member revokes their tokens in that organisation and ends their sessions.
/// </summary>
public static class AccessCommands
{
    public static async Task<int> TokenAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        const string usage = "usage: token create --email EMAIL [--org SLUG] [--name NAME] [--days N] | token list --email EMAIL | token revoke --id TOKEN-ID";
        var o = Options.Parse(args.Length > 0 ? args[1..] : []);
        await using var db = args is ["list", ..] or ["revoke", ..] ? await AccountCommands.OpenAsync(o) : null;
        switch (args)
        {
            case ["list", ..]:
                if (o.Get("email") is not { } email) return AccountCommands.Usage(stderr, "error: --email is required.");
                var user = await AccountCommands.FindUserAsync(db!, email);
                if (user is null) return AccountCommands.Usage(stderr, $"error: no user '{email}'.");
                foreach (var t in await new AccessRevocation(db!, clock).TokensOfAsync(user.Id))
                    await stdout.WriteLineAsync(string.Join('\t', t.Id, t.Name, t.Organisation, Format(t.CreatedAt),
                        t.LastUsedAt is { } used ? "used " + Format(used) : "never used",
                        t.RevokedAt is { } revoked ? "revoked " + Format(revoked) : t.ExpiresAt is { } expires ? "expires " + Format(expires) : "no expiry"));
                return CommandLine.Ok;
            case ["revoke", ..]:
                if (!Guid.TryParse(o.Get("id"), out var id)) return AccountCommands.Usage(stderr, "error: --id must be a token's id, as 'token list' prints it.");
                if (!await new AccessRevocation(db!, clock).RevokeTokenAsync(id, ownerId: null, "command-line"))
                    return AccountCommands.Usage(stderr, $"error: no token with id {id}.");
                await stdout.WriteLineAsync($"Token {id} is revoked; requests with it are refused from now on.");
                return CommandLine.Ok;
            default:
                return AccountCommands.Usage(stderr, usage);
        }
    }

    public static async Task<int> UserAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["remove", ..]) return AccountCommands.Usage(stderr, "usage: user add ... (see help) | user remove --org SLUG --email EMAIL");
        var o = Options.Parse(args[1..]);
        if (o.Get("org") is not { } slug || o.Get("email") is not { } email) return AccountCommands.Usage(stderr, "error: --org and --email are required.");
        await using var db = await AccountCommands.OpenAsync(o);
        var org = await db.Organisations.SingleOrDefaultAsync(x => x.Slug == slug);
        if (org is null) return AccountCommands.Usage(stderr, $"error: --org '{slug}' is not an organisation.");
        var user = await AccountCommands.FindUserAsync(db, email);
        var removed = user is null ? null : await new RemoveMember(db, clock).HandleAsync(Actor.System(org.Id, "command-line"), new RemoveMember.Request(user.Id));
        if (removed is null || removed.Status == OutcomeStatus.NotFound) return AccountCommands.Usage(stderr, $"error: '{email}' is not a member of {org.Name}.");
        if (!removed.IsOk) return AccountCommands.Usage(stderr, $"error: {removed.Errors.Values.SelectMany(m => m).First()}");
        await stdout.WriteLineAsync($"Removed {user!.Email} from {org.Name}: their sessions have ended and their tokens there are revoked.");
        return CommandLine.Ok;
    }


    private static string Format(Instant at) => InstantPattern.General.Format(at);
}
