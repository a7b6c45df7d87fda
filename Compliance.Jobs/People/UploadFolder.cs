using NodaTime;

namespace Compliance.Jobs.People;

/// <summary>
/// Where earlier versions kept uploaded lists of people waiting for their import: <c>uploads/{organisation}/{upload}.people</c>
/// in the data folder, encrypted, with the app's clock as the write time. Uploads now wait in the database
/// (<c>PendingUpload</c>) so that any web node can continue them; files left here by an upgrade are still read and
/// cleaned up, never written. The folder also carries the expiry (<c>Uploads:ExpiryHours</c>) both kinds share.
/// </summary>
public sealed class UploadFolder(string dataFolder, Duration expiry)
{
    public const string Extension = ".people";

    public string Root => Path.Combine(dataFolder, "uploads");

    public Duration Expiry => expiry;

    public string PathOf(Guid organisationId, Guid uploadId) => Path.Combine(Root, organisationId.ToString("N"), uploadId.ToString("N") + Extension);

    /// <summary>Where uploads were kept before they were filed by organisation (read and cleaned up, never written).</summary>
    public string LegacyPathOf(Guid uploadId) => Path.Combine(Root, uploadId.ToString("N") + Extension);

    public sealed record Upload(string Path, Guid? OrganisationId, Instant SavedAt, long Bytes);

    public IEnumerable<Upload> All()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + Extension)) yield return Describe(file, null);
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (!Guid.TryParseExact(Path.GetFileName(folder), "N", out var organisationId)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension)) yield return Describe(file, organisationId);
        }
    }

    public bool IsExpired(Upload upload, Instant now) => upload.SavedAt + expiry <= now;

    private static Upload Describe(string path, Guid? organisationId)
    {
        var info = new FileInfo(path);
        return new Upload(path, organisationId, Instant.FromDateTimeUtc(DateTime.SpecifyKind(info.LastWriteTimeUtc, DateTimeKind.Utc)), info.Length);
    }
}
