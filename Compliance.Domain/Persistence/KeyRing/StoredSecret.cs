namespace Compliance.Domain.Persistence.KeyRing;

/// <summary>
/// A secret the key ring protects (for example the key of the email lookups), kept in the database when the key ring
/// is: nodes that share the database then share it too. The value is ciphertext; without the key ring it is useless.
/// </summary>
public sealed class StoredSecret
{
    private StoredSecret() { Name = ""; ProtectedValue = ""; }

    public StoredSecret(string name, string protectedValue)
    {
        Name = name;
        ProtectedValue = protectedValue;
    }

    public string Name { get; private set; }
    public string ProtectedValue { get; private set; }
}
