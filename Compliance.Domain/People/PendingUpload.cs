using NodaTime;

namespace Compliance.Domain.People;

/// <summary>
/// A list of people uploaded and waiting for its column mapping and confirmation, kept in the database so that any
/// web node can continue it. <see cref="Content"/> is encrypted under a key bound to the uploader and the incident,
/// so only they can continue it; the row is deleted on import or discard, or once it expires.
/// </summary>
public sealed class PendingUpload
{
    private PendingUpload() { Content = []; }

    public PendingUpload(Guid id, Guid organisationId, Guid incidentId, Guid uploadedBy, Instant savedAt, byte[] content)
    {
        Id = id;
        OrganisationId = organisationId;
        IncidentId = incidentId;
        UploadedBy = uploadedBy;
        SavedAt = savedAt;
        Content = content;
        Bytes = content.LongLength;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }

    /// <summary>The user who uploaded it: nobody else can continue it.</summary>
    public Guid UploadedBy { get; private set; }

    public Instant SavedAt { get; private set; }

    /// <summary>The size of <see cref="Content"/> as stored, for the clean-up's audit line without reading the content.</summary>
    public long Bytes { get; private set; }

    public byte[] Content { get; private set; }
}
