using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.People;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Compliance.Tests.People;

/// <summary>
/// The key ring that encrypts affected people's details. In the database, several nodes share it without a shared
/// folder, and a certificate encrypts it there, so a copy of the database alone decrypts nothing.
/// </summary>
public sealed class KeyRingTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_nodes_sharing_only_the_database_read_each_others_encrypted_people(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var certificate = TestCertificate.Write("key-ring");
        var first = KeyRing(db, certificate, Folder("node-a"));
        var second = KeyRing(db, certificate, Folder("node-b")); // another machine: nothing on disk in common

        var nodeA = PeopleDataProtection.Open(first, db);
        var nodeB = PeopleDataProtection.Open(second, db);

        Assert.Equal("陳大文 <tai.man.chan@example.hk>", nodeB.Unprotect(nodeA.Protect("陳大文 <tai.man.chan@example.hk>")));
        Assert.Equal(nodeA.EmailLookup("Tai.Man.Chan@example.hk"), nodeB.EmailLookup("tai.man.chan@example.hk"));
        Assert.False(Directory.Exists(first.Folder) && Directory.EnumerateFiles(first.Folder).Any());

        await using var ctx = ComplianceDatabase.CreateContext(db);
        var keys = await ctx.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("EncryptedData", key);
        Assert.DoesNotContain("<masterKey", key); // the key's secret is not in the clear
        Assert.Single(await ctx.StoredSecrets.ToListAsync());
    }

    [Fact]
    public async Task A_node_with_another_certificate_cannot_read_the_key_ring()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var owner = PeopleDataProtection.Open(KeyRing(db, TestCertificate.Write("owner"), Folder("owner")), db);
        var secret = owner.Protect("Activist A");

        Assert.ThrowsAny<CryptographicException>(() =>
            PeopleDataProtection.Open(KeyRing(db, TestCertificate.Write("thief"), Folder("thief")), db).Unprotect(secret));
    }

    [Fact]
    public void The_database_key_store_is_refused_without_a_certificate_that_encrypts_it()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeyStore"] = "Database",
        }).Build();

        var problem = Assert.Throws<ConfigurationProblem>(() => AppConfiguration.From(config));
        Assert.Contains("DataProtection:Certificate", problem.Message);
    }

    [Theory]
    [InlineData("DataProtection:KeyStore", "Vault", "'Folder' or 'Database'")]
    [InlineData("DataProtection:Certificate", "/nonexistent/keys.pfx", "cannot be read")]
    public void Bad_key_ring_settings_are_one_sentence(string key, string value, string expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Contains(expected, Assert.Throws<ConfigurationProblem>(() => AppConfiguration.From(config)).Message);
    }

    [Fact]
    public void A_folder_key_ring_with_a_certificate_keeps_its_key_files_encrypted()
    {
        var folder = Folder("laptop");
        var ring = new KeyRingOptions(KeyStore.Folder, folder, TestCertificate.Write("laptop"), TestCertificate.Password);
        var protector = PeopleDataProtection.Open(ring, new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=unused.db"));
        Assert.Equal("Lee Wai Ling", protector.Unprotect(protector.Protect("Lee Wai Ling")));

        var keyFile = Assert.Single(Directory.GetFiles(folder, "key-*.xml"));
        var xml = File.ReadAllText(keyFile);
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    private static KeyRingOptions KeyRing(DatabaseOptions db, string certificate, string folder) =>
        new(KeyStore.Database, folder, certificate, TestCertificate.Password);

    private static string Folder(string name) => Path.Combine(Path.GetTempPath(), "compliance-keyring-tests", $"{name}-{Guid.NewGuid():N}");
}

/// <summary>A self-signed certificate with its private key in a password-protected .pfx, as an operator would make one.</summary>
internal static class TestCertificate
{
    public const string Password = "correct horse battery staple";

    public static string Write(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Compliance key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000); // a fixed moment: tests do not read the wall clock
        using var certificate = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));
        var path = Path.Combine(Path.GetTempPath(), "compliance-keyring-tests", $"{name}-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}

/// <summary>Where the key ring goes by default, and what /health says of it.</summary>
public sealed class KeyRingPlacementTests
{
    [Fact]
    public void By_default_the_key_ring_is_kept_apart_from_the_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), "compliance-keyring-tests", $"data-{Guid.NewGuid():N}");
        var ring = KeyRingOptions.Read(new ConfigurationBuilder().Build(), data);
        Assert.False(ring.Folder.StartsWith(data, StringComparison.Ordinal), ring.Folder);
        Assert.False(ring.BesideData);
    }

    [Fact]
    public async Task An_installation_whose_keys_are_already_in_the_data_folder_keeps_reading_them_and_is_told_to_move_them()
    {
        var data = Path.Combine(Path.GetTempPath(), "compliance-keyring-tests", $"data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(data, "keys"));
        File.WriteAllText(Path.Combine(data, "keys", $"key-{Guid.NewGuid()}.xml"), "<key/>");

        var ring = KeyRingOptions.Read(new ConfigurationBuilder().Build(), data);
        Assert.Equal(Path.Combine(data, "keys"), ring.Folder);
        Assert.True(ring.BesideData);

        var health = await new Compliance.Web.Health.KeyRingHealthCheck(ring).CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status);
        Assert.Contains("one backup holds the data and its keys", health.Description);
        Assert.Contains("not encrypted at rest", health.Description);
    }
}
