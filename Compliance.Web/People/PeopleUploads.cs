using Compliance.Domain.Workspace;
using Compliance.Jobs.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Compliance.Web.People;

/// <summary>
/// A list of people uploaded and waiting for its column mapping and confirmation. The file is kept encrypted
/// under a key bound to the uploader and incident, so only they can continue it; it is deleted on import or discard.
/// </summary>
public sealed class PeopleUploads(IDataProtectionProvider provider, AppConfiguration settings)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    private string Folder => Path.Combine(settings.DataFolder, "uploads");

    private IDataProtector Protector(Actor actor, Guid incidentId) =>
        provider.CreateProtector("Compliance.People.Upload.v1", actor.OrganisationId.ToString(), actor.UserId.ToString(), incidentId.ToString());

    public async Task<Guid> SaveAsync(Actor actor, Guid incidentId, Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var id = Guid.NewGuid();
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(PathOf(id), Protector(actor, incidentId).Protect(buffer.ToArray()), ct);
        return id;
    }

    /// <summary>The upload's bytes, or null when it does not exist or belongs to someone else.</summary>
    public async Task<byte[]?> ReadAsync(Actor actor, Guid incidentId, Guid uploadId, CancellationToken ct)
    {
        var path = PathOf(uploadId);
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

    public void Delete(Guid uploadId)
    {
        if (File.Exists(PathOf(uploadId))) File.Delete(PathOf(uploadId));
    }

    private string PathOf(Guid id) => Path.Combine(Folder, $"{id:N}.people");
}
