using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>Proof of a filing or notice (a regulator's receipt, a copy of the letter), or of a task done, kept with its hash.</summary>
public sealed class EvidenceFile
{
    public const int MaxBytes = 10 * 1024 * 1024;

    private EvidenceFile() { FileName = ""; ContentType = ""; Sha256 = ""; UploadedBy = ""; Content = []; }

    public EvidenceFile(Guid id, Guid organisationId, Guid obligationId, string fileName, string contentType, byte[] content, string uploadedBy, Instant uploadedAt)
    {
        if (content.Length > MaxBytes) throw new ArgumentException($"Evidence files are limited to {MaxBytes / 1024 / 1024} MiB.", nameof(content));
        Id = id;
        OrganisationId = organisationId;
        ObligationId = obligationId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    /// <summary>Proof that a task was done (a police report receipt, the staff notice): the same file, held by the task.</summary>
    public static EvidenceFile ForTask(Guid id, Guid organisationId, Guid taskId, string fileName, string contentType, byte[] content, string uploadedBy, Instant uploadedAt)
    {
        var file = new EvidenceFile(id, organisationId, Guid.Empty, fileName, contentType, content, uploadedBy, uploadedAt) { ObligationId = null, TaskId = taskId };
        return file;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The duty this proves; null when it proves a task (<see cref="TaskId"/>).</summary>
    public Guid? ObligationId { get; private set; }
    public Guid? TaskId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
    public string Sha256 { get; private set; }
    public string UploadedBy { get; private set; }
    public Instant UploadedAt { get; private set; }
}
