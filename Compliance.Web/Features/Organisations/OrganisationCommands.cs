using Compliance.Domain.Organisations;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Organisations;

/// <summary><c>org create --name N --slug S --zone Z [--establishments IE,GB] [--attributes a,b] [--require-2fa true]</c>.</summary>
public static class OrganisationCommands
{
    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        const string usage = "usage: org create --name NAME --slug SLUG --zone IANA-ZONE [--establishments IE,GB] [--attributes commercial-activity,...] [--require-2fa true|false]";
        if (args is not ["create", ..]) return AccountCommands.Usage(stderr, usage);
        var o = Options.Parse(args[1..]);
        if (o.Get("name") is not { Length: > 0 } name || o.Get("slug") is not { } slug || o.Get("zone") is not { } zone)
            return AccountCommands.Usage(stderr, "error: --name, --slug and --zone are required.\n" + usage);
        var require2fa = false;
        if (o.Get("require-2fa") is { } r && !bool.TryParse(r, out require2fa)) return AccountCommands.Usage(stderr, "error: --require-2fa must be true or false.");

        await using var db = await AccountCommands.OpenAsync(o);
        var created = await new CreateOrganisation(db, clock).HandleAsync(Actor.System(Guid.Empty, "command-line"),
            new CreateOrganisation.Request(name, slug, zone, Split(o.Get("establishments")).ToList(), Split(o.Get("attributes")).ToList(), require2fa));
        if (!created.IsOk)
            return AccountCommands.Usage(stderr, string.Join(Environment.NewLine, created.Errors.SelectMany(e => e.Value.Select(m => $"error: --{Option(e.Key)} {m}"))));
        await stdout.WriteLineAsync($"Created {name} ({slug}). Add its first admin: echo 'PASSWORD' | Compliance.Web user add --org {slug} --email E --role admin");
        return CommandLine.Ok;
    }

    /// <summary>The option that gave a field: "establishments[1]" came from --establishments, "timeZone" from --zone.</summary>
    private static string Option(string field) => field.Split('[')[0] switch
    {
        "timeZone" => "zone",
        var name => name,
    };

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
