using Compliance.Domain.Workspace;
using Compliance.Jobs.People;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Compliance.Web.Features.People;

/// <summary>
/// A list of people uploaded and waiting for its column mapping and confirmation. The file is kept encrypted
/// under a key bound to the uploader and incident, so only they can continue it; it is deleted on import or discard,
/// and by the clean-up job once it expires (<see cref="UploadFolder"/>).
/// </summary>
public sealed class PeopleUploads(IDataProtectionProvider provider, UploadFolder folder, IClock clock)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    private IDataProtector Protector(Actor actor, Guid incidentId) =>
        provider.CreateProtector("Compliance.People.Upload.v1", actor.OrganisationId.ToString(), actor.UserId.ToString(), incidentId.ToString());

    public async Task<Guid> SaveAsync(Actor actor, Guid incidentId, Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var id = Guid.NewGuid();
        var path = folder.PathOf(actor.OrganisationId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Protector(actor, incidentId).Protect(buffer.ToArray()), ct);
        // Its age is the app's clock, not the file system's: the clean-up job compares it with the same clock.
        File.SetLastWriteTimeUtc(path, clock.GetCurrentInstant().ToDateTimeUtc());
        return id;
    }

    /// <summary>The upload's bytes, or null when it does not exist or belongs to someone else.</summary>
    public async Task<byte[]?> ReadAsync(Actor actor, Guid incidentId, Guid uploadId, CancellationToken ct)
    {
        var path = folder.PathOf(actor.OrganisationId, uploadId);
        if (!File.Exists(path)) path = folder.LegacyPathOf(uploadId);
        if (!File.Exists(path)) return null;
        try
        {
            return Protector(actor, incidentId).Unprotect(await File.ReadAllBytesAsync(path, ct));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Delete(Actor actor, Guid uploadId)
    {
        foreach (var path in new[] { folder.PathOf(actor.OrganisationId, uploadId), folder.LegacyPathOf(uploadId) })
            if (File.Exists(path)) File.Delete(path);
    }
}
