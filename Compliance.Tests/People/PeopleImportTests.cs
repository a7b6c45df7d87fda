using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.People;

// Importing the list of affected people: every bad row named with its line before anything is stored, nothing half
// imported, and names and emails never in the database in the clear.
public sealed class PeopleImportTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-22T08:00:00Z");

    private static async Task<(DatabaseOptions Db, string Keys)> DemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var ctx = ComplianceDatabase.CreateContext(db)) await DemoSeeder.SeedAsync(ctx, Clock);
        return (db, Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}"));
    }

    private static async Task<(int Code, string Out, string Err)> Import(DatabaseOptions db, string keys, string csv, string asWho, bool confirm, Encoding? encoding = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, (encoding ?? new UTF8Encoding(false)).GetBytes(csv));
        return await Cli.RunAsync(db, Clock, "", ["people", "import", "--as", asWho, "--incident", "INC-2019-001", "--file", file, "--name", "Name",
            "--jurisdiction", "Country", "--email", "Email", "--language", "Language", .. confirm ? new[] { "--confirm" } : [], $"--DataProtection:KeysFolder={keys}"]);
    }

    private const string Clean = """
        Name,Email,Country,Language
        陳大文,tai.man.chan@example.hk,HK,zh-Hant
        Lee Wai Ling,wl.lee@example.hk,HK,en
        "Ng, Ka Yan",,HK,zh-Hant
        Marie Dubois,marie@example.fr,FR,fr
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_clean_file_is_imported_encrypted_with_counts_per_jurisdiction(DatabaseProvider provider)
    {
        var (db, keys) = await DemoAsync(provider);
        var check = await Import(db, keys, Clean, "legal@demo.example", confirm: false);
        Assert.Equal(0, check.Code);
        Assert.Contains("run again with --confirm", check.Out);
        await using (var ctx = ComplianceDatabase.CreateContext(db)) Assert.Equal(0, await ctx.AffectedPeople.CountAsync());

        var (code, output, err) = await Import(db, keys, Clean, "legal@demo.example", confirm: true);
        Assert.True(code == 0, err + output);
        Assert.Contains("Imported 4 people into INC-2019-001: FR 1, HK 3.", output);

        await using var read = ComplianceDatabase.CreateContext(db);
        var people = await read.AffectedPeople.OrderBy(p => p.Line).ToListAsync();
        Assert.Equal(4, people.Count);
        Assert.Equal(["zh-Hant", "en", "zh-Hant", "fr"], people.Select(p => p.Language));
        Assert.Null(people[2].EmailLookup);                       // no email: the manual-contact worklist
        Assert.True(people[2].NeedsManualContact);
        Assert.All(people, p => Assert.DoesNotContain("example", p.ProtectedDetails));
        Assert.All(people, p => Assert.DoesNotContain("陳大文", p.ProtectedDetails));
        Assert.Contains(await read.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "people.imported");
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_imported()
    {
        var (db, keys) = await DemoAsync(DatabaseProvider.Sqlite);
        const string csv = """
            Name,Email,Country,Language
            Good Person,good@example.org,HK,en
            No Email Sign,not-an-email,HK,en
            Somewhere,s@example.org,Narnia,en
            Klingon,k@example.org,HK,tlh-Kx
            Twice,good@example.org,HK,en
            ,empty@example.org,HK,en
            Nowhere,n@example.org,XX,en
            BellRinger,b@example.org,HK,en
            Cheap‮txt.exe,c@example.org,US-ZZ,en
            """;
        var (code, output, _) = await Import(db, keys, csv, "legal@demo.example", confirm: true);
        Assert.Equal(2, code);
        Assert.Contains("line 3: email: 'not-an-email' is not an email address.", output);
        Assert.Contains("line 4: jurisdiction: 'Narnia' is not an ISO 3166 code", output);
        Assert.Contains("line 5: language: 'tlh-Kx' is not a known language tag", output);
        Assert.Contains("line 6: email: 'good@example.org' appears twice in the file.", output);
        Assert.Contains("line 7: name: is empty.", output);
        Assert.Contains("line 8: jurisdiction: 'XX' is not an ISO 3166 code", output);
        Assert.Contains("line 9: name: contains a control character (U+0007)", output);
        Assert.Contains("line 10: name: contains an invisible direction override (U+202E)", output);
        Assert.Contains("line 10: jurisdiction: 'US-ZZ' is not an ISO 3166 code", output);
        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal(0, await read.AffectedPeople.CountAsync());
    }

    [Theory]
    [InlineData("Name,Email,Country,Language\n", "no rows under its header")]
    [InlineData("Full name,Mail,Land\nA,a@b.example,HK\n", "the file has no column 'Name'")]
    public async Task Empty_files_and_missing_columns_are_refused(string csv, string message)
    {
        var (db, keys) = await DemoAsync(DatabaseProvider.Sqlite);
        var (code, output, _) = await Import(db, keys, csv, "legal@demo.example", confirm: true);
        Assert.Equal(2, code);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_a_clear_message()
    {
        var (db, keys) = await DemoAsync(DatabaseProvider.Sqlite);
        var big5 = Encoding.Latin1;   // bytes that are not valid UTF-8
        var (code, output, _) = await Import(db, keys, "Name,Email,Country,Language\nJosé Müller,jm@example.org,DE,de\n", "legal@demo.example", confirm: true, big5);
        Assert.Equal(2, code);
        Assert.Contains("not UTF-8", output);
    }

    [Theory]
    [InlineData("Ann One,ann@example.org,HK,en\nBo \"Two,bo@example.org,HK,en\nCy Three,cy@example.org,HK,en\n", 3)]
    [InlineData("Ann One,ann@example.org,HK,en\n\"Bo Two,bo@example.org,HK,en\nCy Three,cy@example.org,HK,en\n", 3)]
    [InlineData("Ann One,ann@example.org,HK,en\nBo Two,bo@example.org,HK,en\nCy Three,\"cy@example.org,HK,en\n", 4)]
    public async Task A_stray_quote_is_an_error_with_its_line_not_a_person_silently_dropped(string rows, int line)
    {
        var (db, keys) = await DemoAsync(DatabaseProvider.Sqlite);
        var (code, output, _) = await Import(db, keys, "Name,Email,Country,Language\n" + rows, "legal@demo.example", confirm: true);
        Assert.Equal(2, code);
        Assert.Contains($"line {line}", output);
        Assert.Contains("quote", output);
        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal(0, await read.AffectedPeople.CountAsync());
    }

    [Fact]
    public async Task Importing_the_same_people_again_is_caught_as_duplicates()
    {
        var (db, keys) = await DemoAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await Import(db, keys, Clean, "lead@demo.example", confirm: true)).Code);
        var again = await Import(db, keys, Clean, "lead@demo.example", confirm: true);
        Assert.Equal(2, again.Code);
        Assert.Contains("was already imported for this incident", again.Out);
    }

    [Theory]
    [InlineData("admin@demo.example")]
    [InlineData("viewer@demo.example")]
    public async Task Only_security_leads_and_legal_may_handle_the_list(string who)
    {
        var (db, keys) = await DemoAsync(DatabaseProvider.Sqlite);
        var (code, _, err) = await Import(db, keys, Clean, who, confirm: true);
        Assert.Equal(2, code);
        Assert.Contains("only security leads and legal", err);
    }

    [Fact]
    public async Task A_failure_part_way_through_leaves_no_partial_import()
    {
        var (db, _) = await DemoAsync(DatabaseProvider.Sqlite);
        var rows = string.Join("\n", Enumerable.Range(0, 5000).Select(i => $"Person {i},p{i}@example.org,HK,en"));
        var csv = "Name,Email,Country,Language\n" + rows;
        await using var ctx = ComplianceDatabase.CreateContext(db);
        var import = new ImportPeople(ctx, new FailingAfter(3000), Clock);
        var actor = new Domain.Workspace.Actor(Guid.NewGuid(), "legal@demo.example", DemoSeeder.OrganisationId, Domain.Vocabulary.Role.Legal);
        var incident = await ctx.Incidents.Where(i => i.Reference == "INC-2019-001").Select(i => i.Id).SingleAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => import.HandleAsync(actor, new ImportPeople.Request(incident, () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ColumnMap("Name", "Country", "Email", "Language"))));

        await using var read = ComplianceDatabase.CreateContext(db);
        Assert.Equal(0, await read.AffectedPeople.CountAsync());
    }

    /// <summary>Encrypts like a real protector would, then fails on the Nth person: a crash in the middle of an import.</summary>
    private sealed class FailingAfter(int n) : IPeopleDataProtector
    {
        private int count;
        public string Protect(string plaintext) => ++count > n ? throw new InvalidOperationException("disk full") : Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));
        public string Unprotect(string protectedText) => Encoding.UTF8.GetString(Convert.FromBase64String(protectedText));
        public string EmailLookup(string email) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
    }
}
