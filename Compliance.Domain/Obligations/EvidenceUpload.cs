namespace Compliance.Domain.Obligations;

/// <summary>A file sent as proof that a duty was done (a regulator's receipt), as uploaded.</summary>
public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content);
