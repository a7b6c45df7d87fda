using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Jobs.People;

/// <summary>
/// Affected people's details encrypted with ASP.NET Core Data Protection (the key ring lives outside the tables it
/// protects, or in the database encrypted by a certificate), and email lookups as HMAC-SHA256 under a secret the key
/// ring protects, so a stolen database alone reveals neither.
/// </summary>
public sealed class DataProtectionPersonalData : IPeopleDataProtector
{
    private readonly IDataProtector protector;
    private readonly byte[] lookupKey;

    public DataProtectionPersonalData(IDataProtectionProvider provider, ILookupKeyStore lookupKeys)
    {
        protector = provider.CreateProtector("Compliance.People.Details.v1");
        var keyProtector = provider.CreateProtector("Compliance.People.LookupKey.v1");
        var stored = lookupKeys.ReadOrCreate(Convert.ToBase64String(keyProtector.Protect(RandomNumberGenerator.GetBytes(32))));
        lookupKey = keyProtector.Unprotect(Convert.FromBase64String(stored));
    }

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);

    public string EmailLookup(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}

public static class PeopleDataProtection
{
    /// <summary>
    /// The key ring (the web app and every worker must share it: a worker sending a campaign decrypts the people it
    /// writes to) and the protector of affected people's details built on it.
    /// </summary>
    public static IServiceCollection AddPeopleDataProtection(this IServiceCollection services, KeyRingOptions keyRing, DatabaseOptions database)
    {
        var builder = services.AddDataProtection().SetApplicationName("Compliance");
        Configure(builder, keyRing, database, services);
        services.TryAddSingleton<IPeopleDataProtector>(sp =>
            new DataProtectionPersonalData(sp.GetRequiredService<IDataProtectionProvider>(), LookupKeys(keyRing, database)));
        return services;
    }

    /// <summary>The protector outside a host (a command), on the same key ring.</summary>
    public static IPeopleDataProtector Open(KeyRingOptions keyRing, DatabaseOptions database)
    {
        var services = new ServiceCollection();
        services.AddPeopleDataProtection(keyRing, database);
        // The provider lives as long as the command; Data Protection keeps nothing that needs disposing at exit.
        return services.BuildServiceProvider().GetRequiredService<IPeopleDataProtector>();
    }

    /// <summary>A folder key ring for tests and benchmarks that need one outside configuration.</summary>
    public static IPeopleDataProtector Open(string keysFolder) =>
        Open(new KeyRingOptions(KeyStore.Folder, keysFolder, null, null), new DatabaseOptions(DatabaseProvider.Sqlite, DatabaseOptions.DefaultSqliteConnection));

    private static void Configure(IDataProtectionBuilder builder, KeyRingOptions keyRing, DatabaseOptions database, IServiceCollection services)
    {
        if (keyRing.Store == KeyStore.Database)
        {
            services.TryAddScoped(_ => ComplianceDatabase.CreateContext(database));
            builder.PersistKeysToDbContext<ComplianceDbContext>();
        }
        else
        {
            Directory.CreateDirectory(keyRing.Folder);
            builder.PersistKeysToFileSystem(new DirectoryInfo(keyRing.Folder));
        }
        if (keyRing.ProtectedAtRest)
        {
            var certificate = keyRing.LoadCertificate();
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    private static ILookupKeyStore LookupKeys(KeyRingOptions keyRing, DatabaseOptions database) => keyRing.Store == KeyStore.Database
        ? new DatabaseLookupKeyStore(() => ComplianceDatabase.CreateContext(database))
        : new FileLookupKeyStore(Path.Combine(keyRing.Folder, "email-lookup.key"));
}
