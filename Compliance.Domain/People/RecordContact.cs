using Compliance.Domain.Incidents;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// Records a contact made with someone who cannot be told by email (by phone, in person, through their trusted person
/// or by post). Admins, security leads and the incident's responder record; a contact that reached someone counts as
/// notified for the duty of their jurisdiction, which is fulfilled once everyone there is notified. The record is
/// audited without the notes. The page and POST /incidents/{id}/contacts both record through it.
/// </summary>
public sealed class RecordContact(ComplianceDbContext db, IPeopleDataProtector protector, IncidentAccess workspace, RulesEngine engine, IClock clock)
{
    public const int NotesMaxLength = 2000;

    /// <summary>Field errors are named personId, method, outcome, contactedAt and notes, as the API's JSON names them.</summary>
    public sealed record Request(Guid IncidentId, Guid? PersonId, string? Method, string? Outcome, Instant? ContactedAt, string? Notes);

    public async Task<Outcome<ManualContact>> HandleAsync(Actor actor, Request input, CancellationToken ct = default)
    {
        var incidentId = input.IncidentId;
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<ManualContact>();
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.RecordContact, incidentId, now)) return Outcome<ManualContact>.Forbidden();

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AffectedPerson? person = null;
        if (input.PersonId is not { } personId) errors["personId"] = ["Choose the person who was contacted."];
        else if ((person = await db.AffectedPeople.SingleOrDefaultAsync(p => p.Id == personId && p.IncidentId == incidentId, ct)) is null)
            errors["personId"] = ["is not one of this incident's affected people."];
        if (!KebabCase<ContactMethod>.TryParse(input.Method, out var method))
            errors["method"] = [$"Say how they were contacted: {string.Join(", ", KebabCase<ContactMethod>.Ids.Order(StringComparer.Ordinal))}."];
        if (!KebabCase<ContactOutcome>.TryParse(input.Outcome, out var outcome))
            errors["outcome"] = [$"Say what came of it: {string.Join(", ", KebabCase<ContactOutcome>.Ids.Order(StringComparer.Ordinal))}."];
        if (input.ContactedAt is not { } contactedAt) errors["contactedAt"] = ["Enter when the contact was made."];
        else if (contactedAt > now + Duration.FromMinutes(5)) errors["contactedAt"] = ["is in the future; record a contact once it is made."];
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is not null && PlainText.Problem(notes, NotesMaxLength, multiline: true) is { } badNotes) errors["notes"] = [badNotes];
        if (errors.Count > 0) return Outcome<ManualContact>.Invalid(errors);

        var contact = new PersonContact(actor.OrganisationId, incidentId, person!.Id, method, outcome, input.ContactedAt!.Value, incident.Value!.ClockZone,
            notes is null ? null : protector.Protect(notes), actor.Email, now);
        // One transaction: the contact, its audit entry and the duty it may fulfil are recorded together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.PersonContacts.Add(contact);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.contact-recorded",
            new { contact.Id, person = person.Id, line = person.Line, person.Jurisdiction, method = KebabCase<ContactMethod>.ToId(method),
                  outcome = KebabCase<ContactOutcome>.ToId(outcome), contactedAt = contact.ContactedAt.ToString(), notes = notes is not null }, ct);
        await db.SaveChangesAsync(ct);
        await new IndividualsDutyProgress(db, engine, clock).RefreshAsync(incidentId, [person.Jurisdiction], actor.Email, "manual contacts", null, ct);
        await transaction.CommitAsync(ct);
        return Outcome<ManualContact>.Ok(ManualContact.Open(contact, protector));
    }
}
