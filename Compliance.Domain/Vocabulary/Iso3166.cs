using System.Collections.Frozen;

namespace Compliance.Domain.Vocabulary;

/// <summary>
/// The countries of ISO 3166-1 and their ISO 3166-2 subdivisions (data from Debian's iso-codes package,
/// Vocabulary/iso3166.txt), so that "XX" or "US-ZZ" is refused wherever a jurisdiction is entered.
/// </summary>
public static class Iso3166
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Countries = Load();
    private static readonly Lazy<FrozenDictionary<string, string>> CodeByName = new(LoadNames);

    /// <summary>The code of a country typed by name ("Canada", "hong kong", "UK"), for a message that suggests it.</summary>
    public static string? CodeOfName(string name)
    {
        var key = name.Trim();
        if (key.Equals("UK", StringComparison.OrdinalIgnoreCase) || key.Equals("Great Britain", StringComparison.OrdinalIgnoreCase)) return "GB";
        if (key.Equals("USA", StringComparison.OrdinalIgnoreCase)) return "US";
        return CodeByName.Value.GetValueOrDefault(key.ToUpperInvariant());
    }

    private static FrozenDictionary<string, string> LoadNames()
    {
        using var stream = typeof(Iso3166).Assembly.GetManifestResourceStream("Compliance.Domain.Vocabulary.iso3166-names.txt")
            ?? throw new InvalidOperationException("The ISO 3166 names are not embedded in Compliance.Domain.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            names.TryAdd(line[(tab + 1)..].ToUpperInvariant(), line[..tab]);
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

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
