using System.Data;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.People;

/// <summary>
/// Lists of people uploaded and waiting for their column mapping and confirmation, as rows (<see cref="PendingUpload"/>)
/// so that a person may upload on one web node and continue on another. The content is encrypted under a key bound
/// to the uploader and incident, so only they can continue it; the row is deleted on import or discard, and by the
/// clean-up job once it expires. Files left in the data folder by earlier versions are still read, never written
/// (<see cref="UploadFolder"/>).
/// </summary>
public sealed class PeopleUploads(IDataProtectionProvider provider, Func<ComplianceDbContext> database, UploadFolder legacy, IClock clock)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    private IDataProtector Protector(Actor actor, Guid incidentId) =>
        provider.CreateProtector("Compliance.People.Upload.v1", actor.OrganisationId.ToString(), actor.UserId.ToString(), incidentId.ToString());

    public async Task<Guid> SaveAsync(Actor actor, Guid incidentId, Stream content, CancellationToken ct)
    {
        // One buffer of the file's size when the stream knows it (an uploaded form file does), not a growing one.
        var bytes = content.CanSeek ? new byte[content.Length - content.Position] : null;
        if (bytes is not null) await content.ReadExactlyAsync(bytes, ct);
        else
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        return await SaveAsync(actor, incidentId, bytes, ct);
    }

    public async Task<Guid> SaveAsync(Actor actor, Guid incidentId, byte[] content, CancellationToken ct)
    {
        var upload = new PendingUpload(Guid.NewGuid(), actor.OrganisationId, incidentId, actor.UserId, clock.GetCurrentInstant(),
            Protector(actor, incidentId).Protect(content));
        await using var db = Open(actor);
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    /// <summary>The upload's bytes, or null when it does not exist or belongs to someone else.</summary>
    public async Task<byte[]?> ReadAsync(Actor actor, Guid incidentId, Guid uploadId, CancellationToken ct)
    {
        var stored = await ReadRowAsync(actor, incidentId, uploadId, ct) ?? await ReadLegacyAsync(actor, uploadId, ct);
        if (stored is null) return null;
        try
        {
            return Protector(actor, incidentId).Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task DeleteAsync(Actor actor, Guid uploadId, CancellationToken ct)
    {
        await using (var db = Open(actor))
            await db.PendingUploads.Where(u => u.Id == uploadId && u.UploadedBy == actor.UserId).ExecuteDeleteAsync(ct);
        foreach (var path in new[] { legacy.PathOf(actor.OrganisationId, uploadId), legacy.LegacyPathOf(uploadId) })
            if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>
    /// The stored content, read as a stream into one array of its size: a plain query would have the driver hold the
    /// whole row in its buffer and copy it out (PostgreSQL's does), twice the memory of a 200 MB upload.
    /// </summary>
    private async Task<byte[]?> ReadRowAsync(Actor actor, Guid incidentId, Guid uploadId, CancellationToken ct)
    {
        await using var db = Open(actor);
        await using var command = db.PendingUploads.Where(u => u.Id == uploadId && u.IncidentId == incidentId && u.UploadedBy == actor.UserId)
            .Select(u => new { u.Bytes, u.Content }).CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) return null;
        var content = new byte[reader.GetInt64(0)];
        await using (var stream = reader.GetStream(1)) await stream.ReadExactlyAsync(content, ct);
        return content;
    }

    private ComplianceDbContext Open(Actor actor)
    {
        var db = database();
        db.OrganisationScope = actor.OrganisationId;
        return db;
    }

    /// <summary>An upload an earlier version left in this node's data folder, still waiting when the app was upgraded.</summary>
    private async Task<byte[]?> ReadLegacyAsync(Actor actor, Guid uploadId, CancellationToken ct)
    {
        var path = legacy.PathOf(actor.OrganisationId, uploadId);
        if (!File.Exists(path)) path = legacy.LegacyPathOf(uploadId);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }
}
