using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// The manual-contact worklist: everyone who cannot be told by email (a safety flag, a trusted person, no address, or
/// an email that failed or was withheld), with the contacts made with them so far. The view is audited, without names.
/// </summary>
public sealed class ContactWorklist(ComplianceDbContext db, IPeopleDataProtector protector, ContactReadAccess access, IClock clock)
{
    public sealed record Entry(Guid PersonId, int Line, string Jurisdiction, string Language, PersonDetails Details, string? DelegateTo,
        string Why, IReadOnlyList<ManualContact> Contacts)
    {
        public bool Notified => Contacts.Any(c => PersonContact.IsNotified(c.Outcome));
    }

    public sealed record Worklist(string Zone, IReadOnlyList<Entry> People, bool CanRecord);

    public async Task<Outcome<Worklist>> GetAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var allowed = await access.CheckAsync(actor, incidentId, ct);
        if (!allowed.IsOk) return allowed.Refusal<Worklist>();
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
        var entries = rows.Select(p => EntryOf(p, contacts[p.Id])).ToList();
        return Outcome<Worklist>.Ok(new Worklist(allowed.Value!.ClockZone, entries,
            Permissions.Allows(actor, Operation.RecordContact, incidentId, clock.GetCurrentInstant())));
    }

    private Entry EntryOf(AffectedPerson p, IEnumerable<PersonContact> contacts)
    {
        var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(p.ProtectedDetails))!;
        var delegateTo = p.ProtectedDelegate is { } d ? protector.Unprotect(d) : null;
        var why = p.DoNotEmail ? "do not email: an email could endanger them"
            : delegateTo is not null ? $"reach them through {delegateTo}"
            : p.EmailLookup is null ? "no email address"
            : "their email notice failed or was withheld";
        return new Entry(p.Id, p.Line, p.Jurisdiction, p.Language, details, delegateTo, why, contacts.Select(c => ManualContact.Open(c, protector)).ToList());
    }
}
