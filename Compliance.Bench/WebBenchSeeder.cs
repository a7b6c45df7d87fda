using Compliance.Domain.Incidents;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Organisations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.People;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// Fills a throwaway database for <c>bench web</c> through the code people use: the first organisation, its security
/// lead and API token through the command line's own commands; every incident through <see cref="CreateIncident"/>
/// (assessment, duties, reminders, audit); every affected person through <see cref="ImportPeople"/> (check, encrypt,
/// write). The other organisations are added as <c>org create</c> adds one, without the per-command migration check.
/// </summary>
public sealed class WebBenchSeeder(BenchDatabase database, IClock clock, TextWriter stdout)
{
    public const string Slug = "bench";
    public const string LeadEmail = "lead@bench.invalid";

    public sealed record Seeded(string Password, string ApiToken, Guid BusiestIncident, int Incidents, int People, int Duties, double Seconds);

    private sealed record Section(Guid OrganisationId, Actor Lead, string Zone, string[] Jurisdictions);

    // Where a federation's sections are, with the places their supporters live (each a jurisdiction with a duty).
    private static readonly (string Zone, string Establishment, string[] People)[] Places =
    [
        ("Europe/Dublin", "IE", ["IE", "GB", "FR"]),
        ("America/Toronto", "CA", ["CA", "CA-QC", "US-NY"]),
        ("Asia/Hong_Kong", "HK", ["HK", "GB"]),
        ("Europe/London", "GB", ["GB", "IE"]),
        ("Africa/Nairobi", "KE", ["KE", "UG", "RW"]),
        ("America/Mexico_City", "MX", ["MX", "US-CA", "US-TX"]),
        ("Asia/Kuala_Lumpur", "MY", ["MY", "SG", "ID"]),
        ("Europe/Paris", "FR", ["FR", "BE", "DE"]),
        ("America/Bogota", "CO", ["CO", "EC", "PE"]),
        ("Australia/Sydney", "AU", ["AU", "NZ"]),
    ];

    private static readonly string[] Names = ["Amina Okoye", "陳大文", "Émilie Lefèvre", "Jordan Nguyen", "María Hernández", "ليلى حداد", "Анна Петрова", "Priya Raman"];

    public async Task<Seeded> SeedAsync(int organisations, int incidents, int people, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        await RunCommandAsync(["org", "create", "--name", "Bench Section 0000", "--slug", Slug, "--zone", Places[0].Zone, "--establishments", Places[0].Establishment], null);
        await RunCommandAsync(["user", "add", "--org", Slug, "--email", LeadEmail, "--role", "security-lead", "--name", "Bench Lead"], password);
        var token = (await RunCommandAsync(["token", "create", "--email", LeadEmail, "--org", Slug, "--name", "bench web"], null)).Trim();

        var settings = database.Configuration();
        var sections = new List<Section> { await FirstSectionAsync(settings) };
        sections.AddRange(await AddSectionsAsync(settings, organisations - 1, ct));
        await stdout.WriteLineAsync($"  seeded {organisations:N0} organisations in {watch.Elapsed.TotalSeconds:0.0} s");

        var protector = PeopleDataProtection.Open(settings.KeyRing, settings.Database);
        var perIncident = people / Math.Max(1, incidents);
        var extra = people - perIncident * incidents;
        // Organisations are independent (each has its own audit chain), so a server database takes several at once.
        var parallel = database.Provider == DatabaseProvider.Sqlite ? 1 : Math.Max(2, Environment.ProcessorCount * 2);
        var incidentIds = new ConcurrentBag<(Guid Id, int People, Guid Org)>();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, sections.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (s, token) =>
        {
            var section = sections[s];
            for (var n = s; n < incidents; n += sections.Count)
            {
                var count = perIncident + (n < extra ? 1 : 0);
                var id = await AddIncidentAsync(settings, protector, section, n, count, token);
                incidentIds.Add((id, count, section.OrganisationId));
                if (Interlocked.Increment(ref done) % 1000 == 0)
                    await stdout.WriteLineAsync($"  {done:N0} incidents after {watch.Elapsed.TotalSeconds:0} s");
            }
        });

        await using var db = ComplianceDatabase.CreateContext(settings.Database);
        var duties = await db.Obligations.IgnoreQueryFilters().CountAsync(ct);
        var busiest = incidentIds.Where(i => i.Org == sections[0].OrganisationId).OrderByDescending(i => i.People).ThenBy(i => i.Id).First().Id;
        return new Seeded(password, token, busiest, incidents, people, duties, watch.Elapsed.TotalSeconds);
    }

    private async Task<string> RunCommandAsync(string[] command, string? stdin)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CommandLine.RunAsync([.. command, .. database.Arguments], clock, new StringReader(stdin ?? ""), output, errors);
        if (code != CommandLine.Ok) throw new InvalidOperationException($"'{string.Join(' ', command.Take(2))}' failed: {errors}");
        return output.ToString();
    }

    private async Task<Section> FirstSectionAsync(AppConfiguration settings)
    {
        await using var db = ComplianceDatabase.CreateContext(settings.Database);
        var org = await db.Organisations.SingleAsync(o => o.Slug == Slug);
        var member = await (from m in db.Members join u in db.Users on m.UserId equals u.Id where m.OrganisationId == org.Id select m).SingleAsync();
        return new Section(org.Id, new Actor(member.UserId, LeadEmail, org.Id, member.Role), Places[0].Zone, Places[0].People);
    }

    /// <summary>Organisations and their security leads, as <c>org create</c> and <c>user add</c> write them, a hundred per save.</summary>
    private async Task<List<Section>> AddSectionsAsync(AppConfiguration settings, int count, CancellationToken ct)
    {
        var sections = new List<Section>();
        for (var start = 1; start <= count; start += 100)
        {
            await using var db = ComplianceDatabase.CreateContext(settings.Database);
            var audit = new AuditLog(db, clock);
            for (var i = start; i < Math.Min(count + 1, start + 100); i++)
            {
                var place = Places[i % Places.Length];
                var org = new Organisation(Guid.NewGuid(), $"Bench Section {i:D4}", place.Zone, [JurisdictionCode.Parse(place.Establishment)], [], $"section-{i:D4}");
                db.Organisations.Add(org);
                await audit.AppendAsync(org.Id, null, "command-line", "organisation.created",
                    new { org.Name, org.Slug, org.TimeZone, org.Establishments, org.Attributes, org.RequireTwoFactor }, ct);
                var email = $"lead@section-{i:D4}.bench.invalid";
                var user = new User(Guid.NewGuid(), email, $"Lead {i:D4}", clock.GetCurrentInstant());
                db.Users.Add(user);
                var member = new Member(Guid.NewGuid(), org.Id, user.Id, Role.SecurityLead);
                db.Members.Add(member);
                await audit.AppendAsync(org.Id, null, "command-line", "member.added", new { user = email, role = "security-lead" }, ct);
                sections.Add(new Section(org.Id, new Actor(user.Id, email, org.Id, Role.SecurityLead), place.Zone, place.People));
            }
            await db.SaveChangesAsync(ct);
        }
        return sections;
    }

    private async Task<Guid> AddIncidentAsync(AppConfiguration settings, IPeopleDataProtector protector, Section section, int n, int people, CancellationToken ct)
    {
        // Spread over two years, so that some duties are long closed, some overdue and some still running.
        var aware = clock.GetCurrentInstant() - Duration.FromHours(n % (24 * 730) + 1);
        var jurisdictions = section.Jurisdictions;
        var counts = jurisdictions.Select((_, j) => people / jurisdictions.Length + (j < people % jurisdictions.Length ? 1 : 0)).ToArray();
        var affected = string.Join(", ", jurisdictions.Select((j, k) => $$"""{ "jurisdiction": "{{j}}", "count": {{Math.Max(1, counts[k])}} }"""));
        var json = $$"""
            { "title": "Supporter database reached ({{n:D5}})", "awareAt": "{{aware}}", "timeZone": "{{section.Zone}}",
              "dataCategories": ["name", "email", "{{(n % 3 == 0 ? "political-opinion" : "donation-history")}}"],
              "affected": [{{affected}}], "exfiltration": "{{(n % 2 == 0 ? "confirmed" : "suspected")}}", "encryption": "none",
              "cause": "{{(n % 4 == 0 ? "phishing" : "external-attack")}}", "riskLevel": "{{(n % 5 == 0 ? "high" : "risk")}}",
              "riskRationale": "Names and emails of supporters taken by an intruder." }
            """;
        var (input, errors) = IncidentInput.Parse(JsonDocument.Parse(json).RootElement, section.Zone);
        if (input is null) throw new InvalidOperationException($"bench incident {n}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}");
        Guid id;
        await using (var db = ComplianceDatabase.CreateContext(settings.Database))
        {
            var created = await new CreateIncident(db, RulesEngine.Default, clock).HandleAsync(section.Lead, input, ct);
            if (!created.IsOk) throw new InvalidOperationException($"bench incident {n}: {created.Status}");
            id = created.Value!.Id;
        }
        if (people == 0) return id;

        var csv = Csv(n, jurisdictions, counts);
        await using (var db = ComplianceDatabase.CreateContext(settings.Database))
        {
            var imported = await new ImportPeople(db, protector, clock).HandleAsync(section.Lead, new ImportPeople.Request(id, () => new MemoryStream(csv, writable: false),
                new ColumnMap("name", "jurisdiction", "email", "language")), ct);
            if (!imported.IsOk) throw new InvalidOperationException($"bench incident {n}: the import of {people} people failed: {imported.Status}");
        }
        return id;
    }

    private static byte[] Csv(int n, string[] jurisdictions, int[] counts)
    {
        var text = new StringBuilder("name,jurisdiction,email,language\n");
        var k = 0;
        for (var j = 0; j < jurisdictions.Length; j++)
            for (var i = 0; i < counts[j]; i++, k++)
                text.Append(Names[k % Names.Length]).Append(',').Append(jurisdictions[j]).Append(",supporter.").Append(n).Append('.').Append(k)
                    .Append("@example.org,").Append(k % 3 == 0 ? "fr" : "en").Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
