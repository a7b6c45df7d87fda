using System.Security.Cryptography;
using System.Text;

namespace Compliance.Domain;

/// <summary>Lower-case hex SHA-256 of a text's UTF-8 bytes: how tokens, recovery codes, feed secrets, audit entries and filings are hashed.</summary>
public static class Sha256Text
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
