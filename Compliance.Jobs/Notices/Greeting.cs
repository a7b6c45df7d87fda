namespace Compliance.Jobs.Notices;

/// <summary>
/// How a notice opens, in the reader's language. The people list gives a name but no title or gender, so each
/// language gets its neutral form with the name (never "Estimado/a" or "Madame, Monsieur Chan"), and a form without a
/// name when there is none.
/// </summary>
public static class Greeting
{
    private static readonly Dictionary<string, (string WithName, string WithoutName)> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("Dear {0},", "Dear supporter,"),
        ["fr"] = ("Bonjour {0},", "Madame, Monsieur,"),
        ["es"] = ("Hola, {0}:", "Hola:"),
        ["pt"] = ("Olá, {0},", "Olá,"),
        ["zh-Hant"] = ("{0}您好：", "您好："),
        ["zh-Hans"] = ("尊敬的{0}：", "您好："),
        ["ar"] = ("مرحبًا {0}،", "مرحبًا،"),
    };

    public static IReadOnlyCollection<string> Languages => Forms.Keys;

    public static string For(string language, string? name)
    {
        var (withName, withoutName) = Forms.TryGetValue(language, out var forms) ? forms : ("{0},", "");
        if (string.IsNullOrWhiteSpace(name)) return withoutName;
        name = name.Trim();
        // A romanised name beside Chinese text reads better with a space: "Chan Tai Man 您好：", "陳大文您好：".
        if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && char.IsAsciiLetterOrDigit(name[^1]) && withName.StartsWith("{0}", StringComparison.Ordinal))
            name += " ";
        if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && char.IsAsciiLetterOrDigit(name[0]) && !withName.StartsWith("{0}", StringComparison.Ordinal))
            name = " " + name;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, withName, name);
    }
}
