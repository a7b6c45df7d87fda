using System.Collections.Frozen;

namespace Compliance.Domain.Vocabulary;

/// <summary>
/// The countries of ISO 3166-1 and their ISO 3166-2 subdivisions (data from Debian's iso-codes package,
/// Vocabulary/iso3166.txt), so that "XX" or "US-ZZ" is refused wherever a jurisdiction is entered.
/// </summary>
public static class Iso3166
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Countries = Load();

    public static bool IsCountry(string alpha2) => Countries.ContainsKey(alpha2);

    public static bool IsSubdivision(string country, string subdivision) =>
        Countries.TryGetValue(country, out var subdivisions) && subdivisions.Contains(subdivision);

    private static FrozenDictionary<string, FrozenSet<string>> Load()
    {
        using var stream = typeof(Iso3166).Assembly.GetManifestResourceStream("Compliance.Domain.Vocabulary.iso3166.txt")
            ?? throw new InvalidOperationException("The ISO 3166 list is not embedded in Compliance.Domain.");
        using var reader = new StreamReader(stream);
        var countries = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            countries[parts[0]] = parts.Skip(1).ToFrozenSet(StringComparer.Ordinal);
        }
        return countries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
