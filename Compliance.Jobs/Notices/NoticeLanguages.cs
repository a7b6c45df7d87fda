using System.Globalization;

namespace Compliance.Jobs.Notices;

/// <summary>Language tags as notices use them: their parents for finding a template, and their names for people.</summary>
public static class NoticeLanguages
{
    /// <summary>The tag, then its parents: "fr-CA", "fr"; "zh-HK", "zh-Hant"; an unknown tag only itself.</summary>
    public static IEnumerable<string> Chain(string tag)
    {
        yield return tag;
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(tag);
        }
        catch (CultureNotFoundException)
        {
            yield break;
        }
        for (var parent = culture.Parent; parent.Name.Length > 0; parent = parent.Parent)
            yield return parent.Name;
    }

    /// <summary>Whether a reader of <paramref name="reader"/> reads a notice in <paramref name="written"/> as their own language.</summary>
    public static bool Reads(string reader, string written) => Chain(reader).Contains(written, StringComparer.OrdinalIgnoreCase);

    /// <summary>"Chinese (Traditional) (zh-Hant)", "French (fr)": the English name and the tag.</summary>
    public static string Name(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            return culture.EnglishName.Length > 0 && !culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? $"{culture.EnglishName} ({tag})" : tag;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }
}
