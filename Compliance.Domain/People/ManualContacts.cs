using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// The manual-contact worklist and its record: everyone who cannot be told by email (a safety flag, a trusted person,
/// no address, or an email that failed or was withheld), and each contact made with them by phone, in person, through
/// their trusted person or by post. Admins, security leads and the incident's responder record contacts; legal staff
/// may read them. A contact that reached someone counts as notified for the duty of their jurisdiction, which is
/// fulfilled once everyone there is notified. Every view and record is audited, without the notes or names.
/// </summary>
public sealed class ManualContacts(ComplianceDbContext db, IPeopleDataProtector protector, IncidentWorkspace workspace, RulesEngine engine, IClock clock)
{
    public const int NotesMaxLength = 2000;

    public sealed record Input(Guid? PersonId, string? Method, string? Outcome, Instant? ContactedAt, string? Notes);

    public sealed record Contact(Guid Id, Guid PersonId, ContactMethod Method, ContactOutcome Outcome, Instant ContactedAt, string Zone,
        string? Notes, string RecordedBy, Instant RecordedAt);

    public sealed record Entry(Guid PersonId, int Line, string Jurisdiction, string Language, PersonDetails Details, string? DelegateTo,
        string Why, IReadOnlyList<Contact> Contacts)
    {
        public bool Notified => Contacts.Any(c => PersonContact.IsNotified(c.Outcome));
    }

    public sealed record Worklist(string Zone, IReadOnlyList<Entry> People, bool CanRecord);

    /// <summary>Whether the actor may read the worklist and its contacts (recorders, and legal staff who handle the people list).</summary>
    private async Task<Outcome<Compliance.Domain.Incidents.Incident>> ReadAccessAsync(Actor actor, Guid incidentId, CancellationToken ct)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident;
        var now = clock.GetCurrentInstant();
        return Permissions.Allows(actor, Operation.RecordContact, incidentId, now) || Permissions.Allows(actor, Operation.AccessPeople, incidentId, now)
            ? incident : Outcome<Compliance.Domain.Incidents.Incident>.Forbidden();
    }

    public async Task<Outcome<Worklist>> WorklistAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var access = await ReadAccessAsync(actor, incidentId, ct);
        if (!access.IsOk) return access.Refusal<Worklist>();
        var failed = from r in db.CampaignRecipients
                     join c in db.Campaigns on r.CampaignId equals c.Id
                     where c.IncidentId == incidentId && (r.State == RecipientState.Failed || r.State == RecipientState.Withheld)
                     select r.PersonId;
        var sent = from r in db.CampaignRecipients
                   join c in db.Campaigns on r.CampaignId equals c.Id
                   where c.IncidentId == incidentId && r.State == RecipientState.Sent
                   select r.PersonId;
        // The same test as AffectedPerson.NeedsManualContact, in the query, plus those whose email did not get through.
        var rows = await db.AffectedPeople.AsNoTracking()
            .Where(p => p.IncidentId == incidentId && (p.DoNotEmail || p.ProtectedDelegate != null || p.EmailLookup == null
                                                       || (failed.Contains(p.Id) && !sent.Contains(p.Id))))
            .OrderBy(p => p.Jurisdiction).ThenBy(p => p.Line).ToListAsync(ct);
        var contacts = (await db.PersonContacts.AsNoTracking().Where(c => c.IncidentId == incidentId).OrderBy(c => c.ContactedAt).ToListAsync(ct))
            .ToLookup(c => c.PersonId);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.viewed",
            new { purpose = "manual-contact worklist", count = rows.Count }, ct);
        await db.SaveChangesAsync(ct);
        var entries = rows.Select(p =>
        {
            var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(p.ProtectedDetails))!;
            var delegateTo = p.ProtectedDelegate is { } d ? protector.Unprotect(d) : null;
            var why = p.DoNotEmail ? "do not email: an email could endanger them"
                : delegateTo is not null ? $"reach them through {delegateTo}"
                : p.EmailLookup is null ? "no email address"
                : "their email notice failed or was withheld";
            return new Entry(p.Id, p.Line, p.Jurisdiction, p.Language, details, delegateTo, why, contacts[p.Id].Select(Open).ToList());
        }).ToList();
        return Outcome<Worklist>.Ok(new Worklist(access.Value!.ClockZone, entries,
            Permissions.Allows(actor, Operation.RecordContact, incidentId, clock.GetCurrentInstant())));
    }

    /// <summary>Every contact recorded for the incident, oldest first (notes decrypted; the read is audited).</summary>
    public async Task<Outcome<IReadOnlyList<Contact>>> ListAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var access = await ReadAccessAsync(actor, incidentId, ct);
        if (!access.IsOk) return access.Refusal<IReadOnlyList<Contact>>();
        var rows = await db.PersonContacts.AsNoTracking().Where(c => c.IncidentId == incidentId).OrderBy(c => c.ContactedAt).ThenBy(c => c.RecordedAt).ToListAsync(ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.viewed",
            new { purpose = "manual contacts", count = rows.Count }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<Contact>>.Ok(rows.Select(Open).ToList());
    }

    public async Task<Outcome<Contact>> RecordAsync(Actor actor, Guid incidentId, Input input, CancellationToken ct = default)
    {
        var incident = await workspace.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<Contact>();
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.RecordContact, incidentId, now)) return Outcome<Contact>.Forbidden();

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
        if (errors.Count > 0) return Outcome<Contact>.Invalid(errors);

        var contact = new PersonContact(actor.OrganisationId, incidentId, person!.Id, method, outcome, input.ContactedAt!.Value, incident.Value!.ClockZone,
            notes is null ? null : protector.Protect(notes), actor.Email, now);
        db.PersonContacts.Add(contact);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.contact-recorded",
            new { contact.Id, person = person.Id, line = person.Line, person.Jurisdiction, method = KebabCase<ContactMethod>.ToId(method),
                  outcome = KebabCase<ContactOutcome>.ToId(outcome), contactedAt = contact.ContactedAt.ToString(), notes = notes is not null }, ct);
        await db.SaveChangesAsync(ct);
        await new IndividualsDutyProgress(db, engine, clock).RefreshAsync(incidentId, [person.Jurisdiction], actor.Email, "manual contacts", null, ct);
        return Outcome<Contact>.Ok(Open(contact));
    }

    private Contact Open(PersonContact c) =>
        new(c.Id, c.PersonId, c.Method, c.Outcome, c.ContactedAt, c.Zone, c.ProtectedNotes is { } n ? protector.Unprotect(n) : null, c.RecordedBy, c.RecordedAt);
}
