using Compliance.Domain.People;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.People;

/// <summary>
/// <c>people import --as EMAIL --incident REF --file F --name COL --jurisdiction COL [--email COL] [--language COL]
/// [--phone COL] [--address COL] [--extra COL,COL] [--confirm]</c>: checks the file and prints every bad row with its
/// line; with --confirm, imports a clean file in one transaction (details encrypted). Acts as a security lead or legal member.
/// </summary>
public static class PeopleCommand
{
    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        const string usage = "usage: people import --as EMAIL --incident REF --file FILE.csv --name COLUMN --jurisdiction COLUMN [--email COLUMN] [--language COLUMN] [--phone COLUMN] [--address COLUMN] [--extra COL,COL] [--confirm]";
        if (args is not ["import", ..]) return AccountCommands.Usage(stderr, usage);
        var o = Options.Parse(args[1..]);
        if (o.Get("as") is not { } email || o.Get("incident") is not { } reference || o.Get("file") is not { } file
            || o.Get("name") is not { } nameColumn || o.Get("jurisdiction") is not { } jurisdictionColumn)
            return AccountCommands.Usage(stderr, "error: --as, --incident, --file, --name and --jurisdiction are required.\n" + usage);
        if (!File.Exists(file)) return AccountCommands.Usage(stderr, $"error: --file '{file}' does not exist.");

        var settings = AppConfiguration.From(CommandLine.ReadConfiguration(o.ConfigurationArgs));
        await using var db = await AccountCommands.OpenAsync(o);
        var normalized = email.Trim().ToUpperInvariant();
        var member = await (from m in db.Members
                            join u in db.Users on m.UserId equals u.Id
                            where u.NormalizedEmail == normalized && m.IncidentId == null
                            select new { m, u.Email }).FirstOrDefaultAsync();
        if (member is null) return AccountCommands.Usage(stderr, $"error: --as '{email}' is not a member of any organisation.");
        var actor = new Actor(member.m.UserId, member.Email, member.m.OrganisationId, member.m.Role);
        var incidentId = await db.Incidents.Where(i => i.OrganisationId == actor.OrganisationId && i.Reference == reference).Select(i => (Guid?)i.Id).SingleOrDefaultAsync();
        if (incidentId is null) return AccountCommands.Usage(stderr, $"error: --incident '{reference}' is not an incident of {email}'s organisation.");

        var import = new ImportPeople(db, PeopleDataProtection.Open(settings.KeyRing, settings.Database), clock);
        var map = new ColumnMap(nameColumn, jurisdictionColumn, o.Get("email"), o.Get("language"), o.Get("phone"), o.Get("address"),
            o.Get("extra")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Stream Open() => File.OpenRead(file);

        var result = o.Get("confirm") is null
            ? await import.CheckAsync(actor, new ImportPeople.Request(incidentId.Value, Open, map))
            : await import.HandleAsync(actor, new ImportPeople.Request(incidentId.Value, Open, map));
        if (result.Status == OutcomeStatus.Forbidden)
            return AccountCommands.Usage(stderr, $"error: {email} is {KebabCase<Role>.ToId(actor.Role)}; only security leads and legal may handle the list of people.");
        var report = result.Value!;
        if (result.IsOk && o.Get("confirm") is not null)
        {
            await stdout.WriteLineAsync($"Imported {report.Rows} people into {reference}: {string.Join(", ", report.PerJurisdiction.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}.");
            return CommandLine.Ok;
        }
        await stdout.WriteLineAsync($"{report.Rows} row(s); {report.Problems.Count}{(report.TooManyProblems ? "+" : "")} problem(s).");
        foreach (var p in report.Problems)
            await stdout.WriteLineAsync(p.Line > 0 ? $"  line {p.Line}: {(p.Field.Length > 0 ? p.Field + ": " : "")}{p.Message}" : $"  {p.Message}");
        if (report.CanImport) await stdout.WriteLineAsync("The file is clean: run again with --confirm to import it.");
        return report.CanImport ? CommandLine.Ok : CommandLine.BadInput;
    }
}
