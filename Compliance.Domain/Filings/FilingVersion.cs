using NodaTime;

namespace Compliance.Domain.Filings;

/// <summary>
/// One generated version of a regulator filing: what it said (the narrative), the PDF and its hashes. Versions
/// are never changed; a correction is a new version. The SHA-256 goes into the audit log when it is made.
/// </summary>
public sealed class FilingVersion
{
    private FilingVersion() { Jurisdiction = ""; Stage = ""; Layout = ""; Language = ""; ContentHash = ""; PdfSha256 = ""; Narrative = ""; CreatedBy = ""; Pdf = []; }

    public FilingVersion(Guid organisationId, Guid incidentId, Guid? obligationId, string jurisdiction, string stage, int version,
        string layout, string language, string contentHash, byte[] pdf, int pages, int missingFields, string narrative, string createdBy, Instant createdAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
        ObligationId = obligationId;
        Jurisdiction = jurisdiction;
        Stage = stage;
        Version = version;
        Layout = layout;
        Language = language;
        ContentHash = contentHash;
        Pdf = pdf;
        PdfSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Pages = pages;
        MissingFields = missingFields;
        Narrative = narrative;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid? ObligationId { get; private set; }
    public string Jurisdiction { get; private set; }
    public string Stage { get; private set; }
    public int Version { get; private set; }
    public string Layout { get; private set; }
    public string Language { get; private set; }

    /// <summary>SHA-256 of the filing's canonical text, printed in its footer.</summary>
    public string ContentHash { get; private set; }
    public byte[] Pdf { get; private set; }
    public string PdfSha256 { get; private set; }
    public int Pages { get; private set; }
    public int MissingFields { get; private set; }

    /// <summary>The texts people wrote for this version, as JSON; the next version starts from them.</summary>
    public string Narrative { get; private set; }
    public string CreatedBy { get; private set; }
    public Instant CreatedAt { get; private set; }
}
