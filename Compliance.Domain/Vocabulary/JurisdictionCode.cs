using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Compliance.Domain.Vocabulary;

/// <summary>
/// ISO 3166-1 alpha-2 (<c>IE</c>) or an ISO 3166-2 subdivision (<c>US-TX</c>, <c>CA-QC</c>), one that exists.
/// Validated once at the edge; a subdivision falls back to its country where it has no rules of its own.
/// </summary>
public readonly partial record struct JurisdictionCode
{
    public string Value { get; }

    private JurisdictionCode(string value) => Value = value;

    public string Country => Value.Length > 2 ? Value[..2] : Value;
    public bool IsSubdivision => Value.Length > 2;

    public static bool TryParse(string? text, [NotNullWhen(true)] out JurisdictionCode? code)
    {
        code = null;
        if (text is null || !Shape().IsMatch(text) || !Known(text)) return false;
        code = new JurisdictionCode(text);
        return true;
    }

    public static JurisdictionCode Parse(string text) =>
        TryParse(text, out var code) ? code.Value
            : throw new FormatException($"'{text}' is not an ISO 3166 code such as 'IE' or 'US-TX'.");

    private static bool Known(string text) =>
        text.Length == 2 ? Iso3166.IsCountry(text) : Iso3166.IsSubdivision(text[..2], text[3..]);

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]
    private static partial Regex Shape();
}
