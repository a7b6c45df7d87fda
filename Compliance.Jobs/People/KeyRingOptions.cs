using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.People;

public enum KeyStore { Folder, Database }

/// <summary>
/// Where the Data Protection key ring lives and what protects it at rest (<c>DataProtection:*</c>). A folder suits one
/// laptop; the database suits several web nodes and workers, which then need no shared folder. Keys kept in the
/// database sit beside the data they protect, so that store is refused unless a certificate encrypts the keys: a copy
/// of the database alone then decrypts nothing.
/// </summary>
public sealed record KeyRingOptions(KeyStore Store, string Folder, string? CertificatePath, string? CertificatePassword)
{
    public bool ProtectedAtRest => CertificatePath is not null;

    /// <summary>The keys sit in or under the data folder, so one copy of that folder holds the data and its keys.</summary>
    public bool BesideData { get; init; }

    /// <summary>
    /// Where keys go unless <c>DataProtection:KeysFolder</c> says otherwise: the user's own application-data folder,
    /// away from the database. An installation that already has keys in the data folder keeps them there (moving
    /// them is the operator's choice; /health says they should).
    /// </summary>
    public static string DefaultFolder(string dataFolder)
    {
        var legacy = Path.Combine(dataFolder, "keys");
        if (Directory.Exists(legacy) && Directory.EnumerateFiles(legacy, "key-*.xml").Any()) return legacy;
        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(userData) ? legacy : Path.Combine(userData, "compliance-tracker", "keys");
    }

    public static KeyRingOptions Read(IConfiguration config, string dataFolder)
    {
        var folder = Path.GetFullPath(config["DataProtection:KeysFolder"] ?? DefaultFolder(dataFolder));
        var store = (config["DataProtection:KeyStore"] ?? "Folder").Trim() switch
        {
            var s when s.Equals("Folder", StringComparison.OrdinalIgnoreCase) => KeyStore.Folder,
            var s when s.Equals("Database", StringComparison.OrdinalIgnoreCase) => KeyStore.Database,
            var s => throw new ConfigurationProblem($"DataProtection:KeyStore '{s}' is not supported; use 'Folder' or 'Database'."),
        };
        var certificate = config["DataProtection:Certificate"] is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        var data = Path.GetFullPath(dataFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var options = new KeyRingOptions(store, folder, certificate, config["DataProtection:CertificatePassword"])
        {
            BesideData = store == KeyStore.Folder && (folder + Path.DirectorySeparatorChar).StartsWith(data, StringComparison.Ordinal),
        };
        if (store == KeyStore.Database && certificate is null)
            throw new ConfigurationProblem(
                "DataProtection:KeyStore is Database but DataProtection:Certificate is not set; keys stored unencrypted beside the data they protect would give both away in one backup, so set a certificate (.pfx) that encrypts them.");
        if (certificate is not null) using (options.LoadCertificate()) { } // fail at start-up, in one sentence, not at the first key
        return options;
    }

    /// <summary>The certificate that encrypts the keys at rest; its private key decrypts them.</summary>
    public X509Certificate2 LoadCertificate()
    {
        if (CertificatePath is null) throw new InvalidOperationException("No certificate is configured.");
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey ? certificate
                : throw new ConfigurationProblem($"DataProtection:Certificate '{CertificatePath}' has no private key; export it as a .pfx with its key.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationProblem($"DataProtection:Certificate '{CertificatePath}' cannot be read ({e.Message.TrimEnd('.')}); check the file and DataProtection:CertificatePassword.", e);
        }
    }
}
