using Compliance.Domain.Audit;
using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
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
        if (Organisation.Slugify(slug) != slug) return AccountCommands.Usage(stderr, $"error: --slug '{slug}' must be lower-case letters, digits and dashes (e.g. '{Organisation.Slugify(slug)}').");
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null) return AccountCommands.Usage(stderr, $"error: --zone '{zone}' is not an IANA time zone such as 'Europe/Dublin'.");
        var establishments = new List<JurisdictionCode>();
        foreach (var code in Split(o.Get("establishments")))
        {
            if (!JurisdictionCode.TryParse(code, out var parsed)) return AccountCommands.Usage(stderr, $"error: --establishments '{code}' is not an ISO 3166 code such as 'IE' or 'US-TX'.");
            establishments.Add(parsed.Value);
        }
        var attributes = Split(o.Get("attributes")).ToList();
        if (attributes.FirstOrDefault(a => !OrganisationAttributes.IsWellFormed(a)) is { } badAttribute)
            return AccountCommands.Usage(stderr, $"error: --attributes '{badAttribute}' is not a kebab-case attribute; known: {string.Join(", ", OrganisationAttributes.Known.Keys)}.");
        var require2fa = false;
        if (o.Get("require-2fa") is { } r && !bool.TryParse(r, out require2fa)) return AccountCommands.Usage(stderr, "error: --require-2fa must be true or false.");

        await using var db = await AccountCommands.OpenAsync(o);
        if (await db.Organisations.AnyAsync(x => x.Slug == slug)) return AccountCommands.Usage(stderr, $"error: an organisation '{slug}' exists already.");
        var org = new Organisation(Guid.NewGuid(), name, zone, establishments, attributes, slug) { RequireTwoFactor = require2fa };
        db.Organisations.Add(org);
        await new AuditLog(db, clock).AppendAsync(org.Id, null, "command-line", "organisation.created",
            new { org.Name, org.Slug, org.TimeZone, org.Establishments, org.Attributes, org.RequireTwoFactor });
        await db.SaveChangesAsync();
        await stdout.WriteLineAsync($"Created {name} ({slug}). Add its first admin: echo 'PASSWORD' | Compliance.Web user add --org {slug} --email E --role admin");
        return CommandLine.Ok;
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
