using Compliance.Domain.Incidents;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// Reading the list of affected people. Only security leads and legal staff may, and every view is audited (without
/// the personal data itself). Flagged people (<see cref="SetPersonFlags"/>) never get an email; they go on a worklist
/// with what the law says they must be told.
/// </summary>
public sealed class PeopleRegister(ComplianceDbContext db, IPeopleDataProtector protector, IncidentAccess workspace, IClock clock)
{
    public sealed record Person(Guid Id, int Line, string Jurisdiction, string Language, PersonDetails Details, bool DoNotEmail,
        string? DelegateTo, string? Redactions, bool NeedsManualContact, int Version = 0)
    {
        /// <summary>A stored person with their details, trusted contact and redactions decrypted.</summary>
        public static Person Open(AffectedPerson p, IPeopleDataProtector protector)
        {
            var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(p.ProtectedDetails))!;
            return new Person(p.Id, p.Line, p.Jurisdiction, p.Language, details, p.DoNotEmail,
                p.ProtectedDelegate is { } d ? protector.Unprotect(d) : null, p.ProtectedRedactions is { } r ? protector.Unprotect(r) : null,
                p.NeedsManualContact, p.Version);
        }

        /// <summary>Why they must be reached some other way than email (the worklist's words), or null when email will do.</summary>
        public string? ManualContactReason => !NeedsManualContact ? null
            : DoNotEmail ? "do not email: an email could endanger them" : DelegateTo is not null ? $"reach them through {DelegateTo}" : "no email address";
    }

    public sealed record ManualContact(Person Person, string Why, IReadOnlyList<Obligation> Duties);

    /// <summary>The people of an incident, at most <paramref name="limit"/>: only the rows shown are read and decrypted.</summary>
    public async Task<Outcome<IReadOnlyList<Person>>> ListAsync(Actor actor, Guid incidentId, string purpose, int limit = int.MaxValue, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyList<Person>>(actor, incidentId, ct) is { } refusal) return refusal;
        var rows = await db.AffectedPeople.AsNoTracking().Where(p => p.IncidentId == incidentId)
            .OrderBy(p => p.Jurisdiction).ThenBy(p => p.Line).Take(limit).ToListAsync(ct);
        return Outcome<IReadOnlyList<Person>>.Ok(await OpenAndAuditAsync(actor, incidentId, purpose, rows, ct));
    }

    public sealed record Page(IReadOnlyList<Person> People, int Total, int PageNumber, int PageSize, bool NamesSearchedInPart);

    /// <summary>Names are searched by decrypting at most this many people; beyond it, search by email or jurisdiction.</summary>
    public const int NameSearchLimit = 20_000;

    /// <summary>
    /// One page of an incident's people, optionally searched. Names and emails are encrypted, so an email is found
    /// through its keyed lookup (exact match), a jurisdiction code through its column, and a name by decrypting the
    /// list in order (at most <see cref="NameSearchLimit"/> people). Only the page shown is audited as viewed.
    /// </summary>
    public async Task<Outcome<Page>> PageAsync(Actor actor, Guid incidentId, string? search, string? jurisdiction, int page, int pageSize, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<Page>(actor, incidentId, ct) is { } refusal) return refusal;
        var shown = await ReadPageAsync(actor, incidentId, search, jurisdiction, page, pageSize, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Page>.Ok(shown);
    }

    /// <summary>The people page's reads: the manual-contact worklist, the people per jurisdiction and one page.</summary>
    public sealed record PeoplePage(IReadOnlyList<ManualContact> Worklist, IReadOnlyList<(string Jurisdiction, int People)> Jurisdictions, string? Jurisdiction, Page Page);

    /// <summary>
    /// Everything the people page shows, with one access check and one commit for its two audit lines (the worklist
    /// and the page). Each commit of an audit line holds the organisation's audit head until it ends, so the people
    /// page's views follow one another one commit at a time, not two. A jurisdiction without people is dropped.
    /// </summary>
    public async Task<Outcome<PeoplePage>> PeoplePageAsync(Actor actor, Guid incidentId, string? search, string? jurisdiction, int page, int pageSize,
        CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<PeoplePage>(actor, incidentId, ct) is { } refusal) return refusal;
        var worklist = await ReadWorklistAsync(actor, incidentId, ct);
        var jurisdictions = await CountByJurisdictionAsync(incidentId, ct);
        if (jurisdiction is { Length: > 0 } j && !jurisdictions.Any(x => x.Jurisdiction == j || x.Jurisdiction.StartsWith(j + "-", StringComparison.Ordinal))) jurisdiction = null;
        var shown = await ReadPageAsync(actor, incidentId, search, jurisdiction, page, pageSize, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<PeoplePage>.Ok(new PeoplePage(worklist, jurisdictions, jurisdiction, shown));
    }

    // A page of people, its view noted in the audit log (saved by the caller).
    private async Task<Page> ReadPageAsync(Actor actor, Guid incidentId, string? search, string? jurisdiction, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        var all = db.AffectedPeople.AsNoTracking().Where(p => p.IncidentId == incidentId);
        if (jurisdiction is { Length: > 0 } code) all = all.Where(p => p.Jurisdiction == code || p.Jurisdiction.StartsWith(code + "-"));
        var query = search?.Trim() ?? "";
        if (query.Length == 0 || query.Contains('@'))
        {
            if (query.Length > 0) { var lookup = protector.EmailLookup(query); all = all.Where(p => p.EmailLookup == lookup); }
            var total = await all.CountAsync(ct);
            var rows = await all.OrderBy(p => p.Jurisdiction).ThenBy(p => p.Line).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            return new Page(OpenAndNote(actor, incidentId, "people page", rows), total, page, pageSize, false);
        }

        var matches = new List<Person>();
        var scanned = 0;
        await foreach (var row in all.OrderBy(p => p.Jurisdiction).ThenBy(p => p.Line).Take(NameSearchLimit + 1).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (++scanned > NameSearchLimit) break;
            var person = Open(row);
            if (person.Details.Name.Contains(query, StringComparison.CurrentCultureIgnoreCase)) matches.Add(person);
        }
        var shown = matches.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        NoteView(actor, incidentId, "people page name search", shown.Count);
        return new Page(shown, matches.Count, page, pageSize, scanned > NameSearchLimit);
    }

    /// <summary>A person's place in the list's order (jurisdiction, line of the file, id), where the next page starts after.</summary>
    public sealed record Position(string Jurisdiction, int Line, Guid Id);

    public sealed record Slice(IReadOnlyList<Person> People, bool More);

    /// <summary>
    /// The next <paramref name="limit"/> people after <paramref name="after"/> in the list's order, optionally of one
    /// jurisdiction (and its subdivisions): a keyset read, so a list of any size is read a page at a time. Only the
    /// people returned are decrypted, and audited as viewed.
    /// </summary>
    public async Task<Outcome<Slice>> AfterAsync(Actor actor, Guid incidentId, string? jurisdiction, Position? after, int limit, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<Slice>(actor, incidentId, ct) is { } refusal) return refusal;
        var all = db.AffectedPeople.AsNoTracking().Where(p => p.IncidentId == incidentId);
        if (jurisdiction is { Length: > 0 } code) all = all.Where(p => p.Jurisdiction == code || p.Jurisdiction.StartsWith(code + "-"));
        if (after is { } a)
            all = all.Where(p => string.Compare(p.Jurisdiction, a.Jurisdiction) > 0
                || (p.Jurisdiction == a.Jurisdiction && (p.Line > a.Line || (p.Line == a.Line && p.Id.CompareTo(a.Id) > 0))));
        var rows = await all.OrderBy(p => p.Jurisdiction).ThenBy(p => p.Line).ThenBy(p => p.Id).Take(limit + 1).ToListAsync(ct);
        var people = await OpenAndAuditAsync(actor, incidentId, "people list (API)", rows.Take(limit).ToList(), ct);
        return Outcome<Slice>.Ok(new Slice(people, rows.Count > limit));
    }

    /// <summary>How many people of the incident live in each jurisdiction (no personal data read).</summary>
    public async Task<Outcome<IReadOnlyList<(string Jurisdiction, int People)>>> JurisdictionsAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyList<(string, int)>>(actor, incidentId, ct) is { } refusal) return refusal;
        return Outcome<IReadOnlyList<(string, int)>>.Ok(await CountByJurisdictionAsync(incidentId, ct));
    }

    private async Task<IReadOnlyList<(string Jurisdiction, int People)>> CountByJurisdictionAsync(Guid incidentId, CancellationToken ct)
    {
        var counts = await db.AffectedPeople.AsNoTracking().Where(p => p.IncidentId == incidentId)
            .GroupBy(p => p.Jurisdiction).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync(ct);
        return counts.Select(c => (c.Key, c.Count)).ToList();
    }

    /// <summary>One person, read and decrypted alone (the view is audited like a list).</summary>
    public async Task<Outcome<Person>> PersonAsync(Actor actor, Guid incidentId, Guid personId, string purpose, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<Person>(actor, incidentId, ct) is { } refusal) return refusal;
        var row = await db.AffectedPeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId && p.IncidentId == incidentId, ct);
        return row is null ? Outcome<Person>.NotFound() : Outcome<Person>.Ok((await OpenAndAuditAsync(actor, incidentId, purpose, [row], ct))[0]);
    }

    private async Task<List<Person>> OpenAndAuditAsync(Actor actor, Guid incidentId, string purpose, List<AffectedPerson> rows, CancellationToken ct)
    {
        var people = OpenAndNote(actor, incidentId, purpose, rows);
        await db.SaveChangesAsync(ct);
        return people;
    }

    private List<Person> OpenAndNote(Actor actor, Guid incidentId, string purpose, List<AffectedPerson> rows)
    {
        NoteView(actor, incidentId, purpose, rows.Count);
        return rows.Select(Open).ToList();
    }

    /// <summary>Every view of people is audited: why and how many, never who. The line is saved with the caller's next save.</summary>
    private void NoteView(Actor actor, Guid incidentId, string purpose, int count) =>
        new AuditLog(db, clock).Append(actor.OrganisationId, incidentId, actor.Email, "people.viewed", new { purpose, count });

    /// <summary>Everyone who must be reached some other way than email, with the duties that say what to tell them.</summary>
    public async Task<Outcome<IReadOnlyList<ManualContact>>> WorklistAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyList<ManualContact>>(actor, incidentId, ct) is { } refusal) return refusal;
        var worklist = await ReadWorklistAsync(actor, incidentId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<ManualContact>>.Ok(worklist);
    }

    // The worklist, its view noted in the audit log (saved by the caller).
    private async Task<IReadOnlyList<ManualContact>> ReadWorklistAsync(Actor actor, Guid incidentId, CancellationToken ct)
    {
        // The same test as AffectedPerson.NeedsManualContact, in the query: only these people are read and decrypted.
        var rows = await db.AffectedPeople.AsNoTracking()
            .Where(p => p.IncidentId == incidentId && (p.DoNotEmail || p.ProtectedDelegate != null || p.EmailLookup == null))
            .OrderBy(p => p.Jurisdiction).ThenBy(p => p.Line).ToListAsync(ct);
        var people = OpenAndNote(actor, incidentId, "manual-contact worklist", rows);
        var duties = await db.Obligations.Where(o => o.IncidentId == incidentId && o.Recipient == Recipient.Individuals && o.Status != ObligationStatus.Superseded)
            .ToListAsync(ct);
        return people.Select(p => new ManualContact(p, p.ManualContactReason!, duties.Where(d => Covers(d.Jurisdiction, p.Jurisdiction)).ToList())).ToList();
    }

    // A duty routed to a country covers the people of its subdivisions too (AU covers AU-NSW).
    private static bool Covers(string dutyJurisdiction, string personJurisdiction) =>
        dutyJurisdiction == personJurisdiction || personJurisdiction.StartsWith(dutyJurisdiction + "-", StringComparison.Ordinal);


    private Person Open(AffectedPerson p) => Person.Open(p, protector);
}
