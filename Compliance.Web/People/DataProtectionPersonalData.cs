using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.People;
using Microsoft.AspNetCore.DataProtection;

namespace Compliance.Web.People;

/// <summary>
/// Affected people's details encrypted with ASP.NET Core Data Protection (keys in the key folder, not the database),
/// and email lookups as HMAC-SHA256 under a secret kept beside those keys, so a stolen database alone reveals neither.
/// </summary>
public sealed class DataProtectionPersonalData : IPeopleDataProtector
{
    private readonly IDataProtector protector;
    private readonly byte[] lookupKey;

    public DataProtectionPersonalData(IDataProtectionProvider provider, string keysFolder)
    {
        protector = provider.CreateProtector("Compliance.People.Details.v1");
        lookupKey = LoadOrCreateKey(Path.Combine(keysFolder, "email-lookup.key"), provider.CreateProtector("Compliance.People.LookupKey.v1"));
    }

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);

    public string EmailLookup(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    // The lookup key is itself stored protected by the key ring: copying the file without the keys is useless.
    private static byte[] LoadOrCreateKey(string path, IDataProtector keyProtector)
    {
        if (File.Exists(path)) return keyProtector.Unprotect(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(keyProtector.Protect(key)));
        File.Move(temporary, path, overwrite: false);
        return key;
    }
}
