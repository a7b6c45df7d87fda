using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Jobs.People;

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

public static class PeopleDataProtection
{
    /// <summary>
    /// The key ring in <paramref name="keysFolder"/> (the web app and every worker must share it: a worker sending a
    /// campaign decrypts the people it writes to) and the protector of affected people's details built on it.
    /// </summary>
    public static IServiceCollection AddPeopleDataProtection(this IServiceCollection services, string keysFolder)
    {
        Directory.CreateDirectory(keysFolder);
        services.AddDataProtection().SetApplicationName("Compliance").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        services.TryAddSingleton<IPeopleDataProtector>(sp => new DataProtectionPersonalData(sp.GetRequiredService<IDataProtectionProvider>(), keysFolder));
        return services;
    }

    /// <summary>The protector outside a host (a command), on the same key ring.</summary>
    public static IPeopleDataProtector Open(string keysFolder)
    {
        Directory.CreateDirectory(keysFolder);
        return new DataProtectionPersonalData(DataProtectionProvider.Create(new DirectoryInfo(keysFolder), b => b.SetApplicationName("Compliance")), keysFolder);
    }
}
