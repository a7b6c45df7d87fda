using System.Collections.Frozen;
using System.Text;

namespace Compliance.Domain.Vocabulary;

/// <summary>
/// The stable ids of design.md are kebab-case spellings of our enum members
/// (<c>PostalAddress</c> is <c>postal-address</c>). One table per enum, built once.
/// </summary>
public static class KebabCase<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> ToIdMap =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Convert(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> FromIdMap =
        ToIdMap.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Ids => FromIdMap.Keys;

    public static string ToId(TEnum value) => ToIdMap[value];

    public static bool TryParse(string? id, out TEnum value)
    {
        if (id is not null && FromIdMap.TryGetValue(id, out value)) return true;
        value = default;
        return false;
    }

    public static TEnum Parse(string id) =>
        TryParse(id, out var v) ? v
            : throw new FormatException($"'{id}' is not one of: {string.Join(", ", Ids)}.");

    private static string Convert(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
