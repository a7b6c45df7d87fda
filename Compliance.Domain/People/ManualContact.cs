using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>A contact made with someone who cannot be emailed, as people read it: the notes decrypted.</summary>
public sealed record ManualContact(Guid Id, Guid PersonId, ContactMethod Method, ContactOutcome Outcome, Instant ContactedAt, string Zone,
    string? Notes, string RecordedBy, Instant RecordedAt)
{
    public static ManualContact Open(PersonContact c, IPeopleDataProtector protector) =>
        new(c.Id, c.PersonId, c.Method, c.Outcome, c.ContactedAt, c.Zone, c.ProtectedNotes is { } n ? protector.Unprotect(n) : null, c.RecordedBy, c.RecordedAt);
}
