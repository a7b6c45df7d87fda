using Compliance.Domain.Incidents;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// Sets a person's safety flags: do not email them, reach them through a trusted person, details to leave out of their
/// notice. Flagged people never get an email; they go on the manual-contact worklist. The change is audited without the
/// flags' text.
/// </summary>
public sealed class SetPersonFlags(ComplianceDbContext db, IPeopleDataProtector protector, IncidentAccess workspace, IClock clock)
{
    public const int FlagTextMaxLength = 1000;

    /// <summary><paramref name="ExpectedVersion"/>: the version the caller last read (the API's If-Match); a later change makes this a conflict.</summary>
    public sealed record Request(Guid IncidentId, Guid PersonId, bool DoNotEmail, string? DelegateTo, string? Redactions, int? ExpectedVersion = null);

    public async Task<Outcome<PeopleRegister.Person>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var incidentId = request.IncidentId;
        if (await workspace.DenyPeopleAccessAsync<PeopleRegister.Person>(actor, incidentId, ct) is { } refusal) return refusal;
        var person = await db.AffectedPeople.SingleOrDefaultAsync(p => p.Id == request.PersonId && p.IncidentId == incidentId, ct);
        if (person is null) return Outcome<PeopleRegister.Person>.NotFound();
        if (request.ExpectedVersion is { } expected && expected != person.Version) return Stale(expected);
        if (request.DelegateTo is { Length: > FlagTextMaxLength } || request.Redactions is { Length: > FlagTextMaxLength })
            return Outcome<PeopleRegister.Person>.Invalid("flags", "Keep the trusted contact and the details to leave out under 1000 characters.");
        person.DoNotEmail = request.DoNotEmail;
        person.ProtectedDelegate = string.IsNullOrWhiteSpace(request.DelegateTo) ? null : protector.Protect(request.DelegateTo.Trim());
        person.ProtectedRedactions = string.IsNullOrWhiteSpace(request.Redactions) ? null : protector.Protect(request.Redactions.Trim());
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.flags-changed",
            new { person = person.Id, line = person.Line, doNotEmail = request.DoNotEmail, delegated = person.ProtectedDelegate is not null, redacted = person.ProtectedRedactions is not null }, ct);
        person.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(request.ExpectedVersion ?? person.Version - 1);
        }
        return Outcome<PeopleRegister.Person>.Ok(PeopleRegister.Person.Open(person, protector));
    }

    private static Outcome<PeopleRegister.Person> Stale(int edited) =>
        Outcome<PeopleRegister.Person>.Conflict($"Someone else changed this person's safety flags (you edited version {edited}); reload them and decide again.");
}
