using Compliance.Domain.Persistence;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>How a flagged person was reached: never by email (that is the campaign's job).</summary>
public enum ContactMethod { Phone, InPerson, Delegate, Post }

/// <summary>What came of a contact. Reached and delegate-informed count as notified; the others leave the person on the worklist.</summary>
public enum ContactOutcome { Reached, NotReached, Refused, DelegateInformed }

/// <summary>
/// One contact made with an affected person outside email (a phone call, a visit, a trusted person, a letter): when,
/// by whom, how and what came of it. The notes may name people and places, so they are stored only in protected form,
/// like the person's details. Rows are never changed: a later attempt is a new row.
/// </summary>
public sealed class PersonContact
{
    private PersonContact() { Zone = ""; RecordedBy = ""; }

    public PersonContact(Guid organisationId, Guid incidentId, Guid personId, ContactMethod method, ContactOutcome outcome,
        Instant contactedAt, string zone, string? protectedNotes, string recordedBy, Instant recordedAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
        PersonId = personId;
        Method = method;
        Outcome = outcome;
        ContactedAt = StoredPrecision.Of(contactedAt); // what every database keeps (microseconds), so it reads back the same
        Zone = zone;
        ProtectedNotes = protectedNotes;
        RecordedBy = recordedBy;
        RecordedAt = StoredPrecision.Of(recordedAt);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid PersonId { get; private set; }
    public ContactMethod Method { get; private set; }
    public ContactOutcome Outcome { get; private set; }
    public Instant ContactedAt { get; private set; }

    /// <summary>The zone the time was entered in (the incident's), to show it back as it was given.</summary>
    public string Zone { get; private set; }
    public string? ProtectedNotes { get; private set; }

    /// <summary>The signed-in member who recorded it.</summary>
    public string RecordedBy { get; private set; }
    public Instant RecordedAt { get; private set; }

    public bool Notified => IsNotified(Outcome);

    public static bool IsNotified(ContactOutcome outcome) => outcome is ContactOutcome.Reached or ContactOutcome.DelegateInformed;
}
