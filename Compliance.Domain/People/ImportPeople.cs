using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// Imports affected people from a CSV file of any size, streaming. First every row is checked (bad email, unknown
/// jurisdiction or language, duplicates, bad encoding) and nothing is stored; only a clean file is imported, in one
/// transaction, so a crash part-way leaves nothing behind. Names and contacts are encrypted before they are stored.
/// </summary>
public sealed class ImportPeople(ComplianceDbContext db, IPeopleDataProtector protector, IClock clock)
{
    /// <summary>The file (opened once per pass: the check, then the import) and which of its columns hold what.</summary>
    public sealed record Request(Guid IncidentId, Func<Stream> Open, ColumnMap Map);

    public const int MaxProblemsReported = 1000;

    public ImportReport Validate(Func<Stream> open, ColumnMap map, IEnumerable<string> existingLookups)
    {
        var problems = new List<ImportProblem>();
        var perJurisdiction = new Dictionary<string, int>(StringComparer.Ordinal);
        // 128 bits of each keyed lookup are plenty to tell a million emails apart, in a fifth of the memory of the strings.
        var seen = new HashSet<UInt128>();
        var existing = existingLookups.Select(Key).ToHashSet();
        var rows = 0;
        var duplicates = 0;
        var tooMany = false;
        void Problem(long line, string field, string message)
        {
            if (problems.Count < MaxProblemsReported) problems.Add(new ImportProblem(line, field, message));
            else tooMany = true;
        }

        using (var bytes = open())
            if (Utf8Text.FirstInvalidLine(bytes) is { } badLine)
            {
                Problem(badLine, "", $"the file is not UTF-8 text from this line on (names in other scripts would be garbled). {Utf8Text.SaveAsUtf8}");
                return new ImportReport(0, problems, perJurisdiction, tooMany);
            }
        try
        {
            foreach (var row in Rows(open, map, (line, field, message) => Problem(line, field, message)))
            {
                rows++;
                var ok = true;
                if (string.IsNullOrWhiteSpace(row.Name)) { Problem(row.Line, "name", "is empty."); ok = false; }
                foreach (var (field, text, max) in TextFields(row))
                    if (PlainText.Problem(text, max) is { } bad) { Problem(row.Line, field, bad); ok = false; }
                if (!JurisdictionCode.TryParse(row.Jurisdiction.ToUpperInvariant(), out var code))
                { Problem(row.Line, "jurisdiction", $"'{row.Jurisdiction}' is not an ISO 3166 code such as 'HK' or 'US-TX'."); ok = false; }
                if (!IsLanguage(row.Language)) { Problem(row.Line, "language", $"'{row.Language}' is not a known language tag such as 'en' or 'zh-Hant'."); ok = false; }
                if (row.Email is { Length: > 0 } email)
                {
                    if (!IsEmail(email)) { Problem(row.Line, "email", $"'{email}' is not an email address."); ok = false; }
                    else
                    {
                        var lookup = Key(protector.EmailLookup(email));
                        if (!seen.Add(lookup)) { Problem(row.Line, "email", $"'{email}' appears twice in the file."); ok = false; duplicates++; }
                        else if (existing.Contains(lookup)) { Problem(row.Line, "email", $"'{email}' was already imported for this incident."); ok = false; duplicates++; }
                    }
                }
                if (ok) perJurisdiction[code!.Value.Value] = perJurisdiction.GetValueOrDefault(code.Value.Value) + 1;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            Problem(0, "$", $"The file is not valid CSV: {e.Message}");
        }
        if (rows == 0 && problems.Count == 0) Problem(0, "$", "The file has no rows under its header.");
        return new ImportReport(rows, problems, perJurisdiction, tooMany) { Duplicates = duplicates };
    }

    /// <summary>The check a person sees before importing: permission, this incident's people already imported, every row.</summary>
    public async Task<Outcome<ImportReport>> CheckAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var (incidentId, open, map) = request;
        db.OrganisationScope = actor.OrganisationId;
        if (!Permissions.Allows(actor, Operation.AccessPeople, incidentId, clock.GetCurrentInstant())) return Outcome<ImportReport>.Forbidden();
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct)) return Outcome<ImportReport>.NotFound();

        var existing = await db.AffectedPeople.Where(p => p.IncidentId == incidentId && p.EmailLookup != null).Select(p => p.EmailLookup!).ToListAsync(ct);
        var report = Validate(open, map, existing);
        return report.CanImport ? Outcome<ImportReport>.Ok(report) : new Outcome<ImportReport>(OutcomeStatus.Invalid, report, ToErrors(report));
    }

    /// <summary>Checks the file and, if it is clean, imports every row in one transaction.</summary>
    public async Task<Outcome<ImportReport>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var check = await CheckAsync(actor, request, ct);
        var (incidentId, open, map) = request;
        if (!check.IsOk) return check;
        var report = check.Value!;

        var importId = Guid.NewGuid();
        var now = clock.GetCurrentInstant();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var people = Rows(open, map, (_, _, _) => { }).Select(row => new AffectedPerson(actor.OrganisationId, incidentId, importId, (int)row.Line,
                JurisdictionCode.Parse(row.Jurisdiction.ToUpperInvariant()).Value, Language(row.Language),
                row.Email is { Length: > 0 } e ? protector.EmailLookup(e) : null,
                protector.Protect(JsonSerializer.Serialize(new PersonDetails(row.Name.Trim(), Blank(row.Email), Blank(row.Phone), Blank(row.PostalAddress), row.Extra))),
                now));
            await AffectedPeopleWriter.WriteAsync(db, people, ct);
            await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.imported",
                new { importId, rows = report.Rows, perJurisdiction = report.PerJurisdiction }, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
        });
        return Outcome<ImportReport>.Ok(report);
    }

    // A person's details are one line each; the limits match what a notice and the proof can carry.
    private static IEnumerable<(string Field, string Text, int Max)> TextFields(Row row)
    {
        yield return ("name", row.Name, PlainText.Line);
        if (row.Email is { } email) yield return ("email", email, 254);
        if (row.Phone is { } phone) yield return ("phone", phone, 64);
        if (row.PostalAddress is { } address) yield return ("address", address, 500);
        foreach (var (column, value) in row.Extra) yield return (column, value, 1000);
    }

    private sealed record Row(long Line, string Name, string Jurisdiction, string? Email, string Language, string? Phone, string? PostalAddress, Dictionary<string, string> Extra);

    private static IEnumerable<Row> Rows(Func<Stream> open, ColumnMap map, Action<long, string, string> problem)
    {
        using var csv = OpenCsv(open(), bad => problem(bad.LineNumber, "", Malformed(bad.Reason)));
        csv.ReadHeader();
        var headers = csv.Headers;
        var missing = map.Columns().Where(c => !headers.Contains(c.Column)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (field, column) in missing) problem(1, field, $"the file has no column '{column}'; its columns are {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
            yield break;
        }
        int Index(string? column) => column is null ? -1 : headers.ToList().IndexOf(column);
        var name = Index(map.Name); var jurisdiction = Index(map.Jurisdiction); var email = Index(map.Email); var language = Index(map.Language);
        var phone = Index(map.Phone); var address = Index(map.PostalAddress);
        var extra = (map.Extra ?? []).Select(c => (c, Index(c))).ToList();
        while (csv.Read())
        {
            string? Get(int i) => i < 0 || i >= csv.FieldCount ? null : csv.GetString(i);
            yield return new Row(csv.LineNumber, Get(name) ?? "", Get(jurisdiction) ?? "", Get(email), Get(language) is { Length: > 0 } l ? l : "en",
                Get(phone), Get(address), extra.Where(x => Get(x.Item2) is { Length: > 0 }).ToDictionary(x => x.c, x => Get(x.Item2)!));
        }
    }

    /// <summary>
    /// The file as the import reads it, for the check, the import and the page's preview alike: UTF-8 (the check has
    /// already named any line that is not), one person per line, so a stray quote is reported on its own line instead
    /// of swallowing the people after it; malformed rows are skipped and reported to <paramref name="malformed"/>.
    /// </summary>
    public static CsvReader OpenCsv(Stream stream, Action<CsvMalformedRecord>? malformed = null) =>
        CsvReader.Create(new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true),
            new CsvReaderOptions
            {
                HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true,
                AllowLineBreaksInQuotes = false, MalformedData = CsvMalformedDataHandling.Skip, FieldCountMismatch = CsvFieldCountHandling.Skip,
                OnMalformedRecord = malformed,
            }, leaveOpen: false);

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote =>
            "has a stray quote (\") inside a value, so this person was not read. If the quote belongs to the value, put the whole value in quotes and double the quote: \"Ka Yan \"\"KY\"\" Ng\".",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes =>
            "opens a quote (\") that is not closed on the same line, so this person was not read. Close the quote or remove it; each person must be on one line.",
        CsvMalformedReason.FieldCountMismatch =>
            "has a different number of columns from the header line, so this person was not read. Look for a missing or extra comma; a value containing a comma must be in quotes.",
        _ => "could not be read as CSV, so this person was not read.",
    };

    private static IReadOnlyDictionary<string, string[]> ToErrors(ImportReport report) =>
        report.Problems.GroupBy(p => p.Line == 0 ? p.Field : p.Field.Length > 0 ? $"line {p.Line}: {p.Field}" : $"line {p.Line}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    private static UInt128 Key(string lookup) =>
        UInt128.Parse(lookup.AsSpan(0, 32), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsEmail(string email) => EmailAddress.IsValid(email.Trim());

    private static bool IsLanguage(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag.Trim(), predefinedOnly: true) is { Name.Length: > 0 };
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static string Language(string tag) => CultureInfo.GetCultureInfo(tag.Trim(), predefinedOnly: true).Name;
}
