using Compliance.Domain.Persistence;
using Compliance.Domain.Persistence.KeyRing;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Jobs.People;

/// <summary>
/// Where the email-lookup key is kept, protected by the key ring: beside the keys. The first node to need it creates
/// it; a node that loses that race reads the winner's, so every node computes the same lookups.
/// </summary>
public interface ILookupKeyStore
{
    /// <returns>The stored (protected) key, or the one given when none was stored yet.</returns>
    string ReadOrCreate(string protectedCandidate);
}

public sealed class FileLookupKeyStore(string path) : ILookupKeyStore
{
    public string ReadOrCreate(string protectedCandidate)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, protectedCandidate);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return protectedCandidate;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return File.ReadAllText(path).Trim();
        }
    }
}

public sealed class DatabaseLookupKeyStore(Func<ComplianceDbContext> database) : ILookupKeyStore
{
    public const string Name = "email-lookup-key";

    public string ReadOrCreate(string protectedCandidate)
    {
        using (var db = database())
            if (db.StoredSecrets.AsNoTracking().SingleOrDefault(s => s.Name == Name) is { } stored) return stored.ProtectedValue;
        try
        {
            using var db = database();
            db.StoredSecrets.Add(new StoredSecret(Name, protectedCandidate));
            db.SaveChanges();
            return protectedCandidate;
        }
        catch (DbUpdateException)
        {
            using var db = database();
            return db.StoredSecrets.AsNoTracking().Single(s => s.Name == Name).ProtectedValue;
        }
    }
}
