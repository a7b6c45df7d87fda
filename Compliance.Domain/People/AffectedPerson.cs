using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// Someone whose data was in the breach. Everything that identifies them is stored only in protected form
/// (<see cref="ProtectedDetails"/>, encrypted with ASP.NET Core Data Protection); the email also has a keyed
/// hash so duplicates can be found without decrypting. Jurisdiction and language stay plain: notices are grouped by them.
/// </summary>
public sealed class AffectedPerson
{
    private AffectedPerson() { Jurisdiction = ""; Language = ""; ProtectedDetails = ""; }

    public AffectedPerson(Guid organisationId, Guid incidentId, Guid importId, int line, string jurisdiction, string language,
        string? emailLookup, string protectedDetails, Instant createdAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
        ImportId = importId;
        Line = line;
        Jurisdiction = jurisdiction;
        Language = language;
        EmailLookup = emailLookup;
        ProtectedDetails = protectedDetails;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid ImportId { get; private set; }

    /// <summary>The line of the imported file, to trace a person back to the source list.</summary>
    public int Line { get; private set; }
    public string Jurisdiction { get; private set; }
    public string Language { get; private set; }
    public string? EmailLookup { get; private set; }
    public string ProtectedDetails { get; private set; }

    /// <summary>Never email this person: an email could endanger them. They go to the manual-contact worklist.</summary>
    public bool DoNotEmail { get; set; }

    /// <summary>Raised when the safety flags change: the API's ETag and a concurrency token, so two edits of one version cannot both land.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Protected name and contact of a trusted person to reach instead, when set.</summary>
    public string? ProtectedDelegate { get; set; }

    /// <summary>Protected list of details to leave out of this person's notice, when set.</summary>
    public string? ProtectedRedactions { get; set; }

    public Instant CreatedAt { get; private set; }

    public bool NeedsManualContact => DoNotEmail || ProtectedDelegate is not null || EmailLookup is null;
}

/// <summary>The identifying details of a person, serialised and protected as one value.</summary>
public sealed record PersonDetails(string Name, string? Email, string? Phone, string? PostalAddress, IReadOnlyDictionary<string, string> Extra);

/// <summary>Encrypts personal data at rest and derives keyed lookups; implemented with ASP.NET Core Data Protection.</summary>
public interface IPeopleDataProtector
{
    string Protect(string plaintext);
    string Unprotect(string protectedText);

    /// <summary>A keyed hash of a normalised email: equal emails give equal lookups, and the lookup reveals nothing without the key.</summary>
    string EmailLookup(string email);
}
