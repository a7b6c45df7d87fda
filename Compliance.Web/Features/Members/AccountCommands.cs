using Compliance.Jobs.Hosting;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Features.Members;

/// <summary>
/// <c>user add --org SLUG --email E --role R [--name N] [--incident REF --expires ISO]</c> (password on stdin) and
/// <c>token create --email E [--org SLUG] [--name N] [--days N]</c> (prints the token once; only its hash is kept).
/// </summary>
public static class AccountCommands
{
    public const int MinimumPasswordLength = AddMember.MinimumPasswordLength;

    public static async Task<int> UserAsync(string[] args, IClock clock, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["add", ..]) return Usage(stderr, "usage: user add --org SLUG --email EMAIL --role ROLE [--name NAME] [--incident REF --expires 2026-12-01T00:00:00Z]  (password on stdin)");
        var o = Options.Parse(args[1..]);
        if (o.Get("org") is not { } slug || o.Get("email") is not { } email || o.Get("role") is not { } roleText)
            return Usage(stderr, "error: --org, --email and --role are required.");
        if (!email.Contains('@')) return Usage(stderr, $"error: --email '{email}' is not an email address.");
        if (!KebabCase<Role>.TryParse(roleText, out var role))
            return Usage(stderr, $"error: --role '{roleText}' is not one of {string.Join(", ", KebabCase<Role>.Ids)}.");

        var password = (await stdin.ReadLineAsync())?.Trim() ?? "";
        if (password.Length < MinimumPasswordLength)
            return Usage(stderr, $"error: the password (read from standard input) must be at least {MinimumPasswordLength} characters.");

        await using var db = await OpenAsync(o);
        var org = await db.Organisations.SingleOrDefaultAsync(x => x.Slug == slug);
        if (org is null) return Usage(stderr, $"error: --org '{slug}' is not an organisation; known: {string.Join(", ", await db.Organisations.Select(x => x.Slug).ToListAsync())}.");

        Guid? incidentId = null;
        Instant? expires = null;
        if (role == Role.Responder)
        {
            if (o.Get("incident") is not { } reference || o.Get("expires") is not { } expiresText)
                return Usage(stderr, "error: a responder needs --incident REF and --expires (an ISO instant such as 2026-12-01T00:00:00Z).");
            incidentId = await db.Incidents.Where(i => i.OrganisationId == org.Id && i.Reference == reference).Select(i => (Guid?)i.Id).SingleOrDefaultAsync();
            if (incidentId is null) return Usage(stderr, $"error: --incident '{reference}' is not an incident of {slug}.");
            var parsed = InstantPattern.ExtendedIso.Parse(expiresText);
            if (!parsed.Success || parsed.Value <= clock.GetCurrentInstant()) return Usage(stderr, $"error: --expires '{expiresText}' must be a future ISO instant.");
            expires = parsed.Value;
        }

        var added = await new AddMember(db, clock).HandleAsync(Actor.System(org.Id, "command-line"),
            new AddMember.Request(email, o.Get("name"), role, incidentId, expires, password));
        if (!added.IsOk) return Usage(stderr, string.Join(Environment.NewLine, added.Errors.Values.SelectMany(m => m).Select(m => $"error: {m}")));
        await stdout.WriteLineAsync($"{(added.Value!.NewAccount ? "Created" : "Updated")} {added.Value.User.Email} as {KebabCase<Role>.ToId(role)} of {org.Name}.");
        return CommandLine.Ok;
    }

    public static async Task<int> TokenAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["create", ..]) return Usage(stderr, "usage: token create --email EMAIL [--org SLUG] [--name NAME] [--days N]");
        var o = Options.Parse(args[1..]);
        if (o.Get("email") is not { } email) return Usage(stderr, "error: --email is required.");
        var days = 0;
        if (o.Get("days") is { } d && (!int.TryParse(d, out days) || days < 1)) return Usage(stderr, $"error: --days '{d}' must be a whole number of days, 1 or more.");

        await using var db = await OpenAsync(o);
        var user = await FindUserAsync(db, email);
        if (user is null) return Usage(stderr, $"error: no user '{email}'; add one with 'user add'.");
        var memberships = await db.Members.Where(m => m.UserId == user.Id).ToListAsync();
        var orgs = await db.Organisations.Where(x => memberships.Select(m => m.OrganisationId).Contains(x.Id)).ToListAsync();
        var org = o.Get("org") is { } slug ? orgs.SingleOrDefault(x => x.Slug == slug) : orgs.Count == 1 ? orgs[0] : null;
        if (org is null) return Usage(stderr, $"error: give --org, one of {string.Join(", ", orgs.Select(x => x.Slug))}.");

        var issued = await new IssueApiToken(db, clock).HandleAsync(Actor.System(org.Id, "command-line"),
            new IssueApiToken.Request(user.Id, o.Get("name") ?? "command line", days > 0 ? days : null));
        if (!issued.IsOk) return Usage(stderr, $"error: {user.Email} is not a member of {org.Name}.");
        var secret = issued.Value!.Secret;
        await stdout.WriteLineAsync(secret);
        await stderr.WriteLineAsync($"Token for {user.Email} in {org.Name}; it is shown only now. Use it as 'Authorization: Bearer <token>'.");
        return CommandLine.Ok;
    }

    internal static async Task<ComplianceDbContext> OpenAsync(Options o)
    {
        var settings = AppConfiguration.From(CommandLine.ReadConfiguration(o.ConfigurationArgs));
        await ComplianceDatabase.MigrateAsync(settings.Database);
        return ComplianceDatabase.CreateContext(settings.Database);
    }

    internal static Task<User?> FindUserAsync(ComplianceDbContext db, string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized);
    }

    internal static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return CommandLine.BadInput;
    }
}
