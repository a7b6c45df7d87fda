using System.Globalization;

namespace Compliance.Domain.Vocabulary;

/// <summary>
/// The one check of free text from people, used by every entry point (pages, API, command line, CSV import): a length
/// limit, and no characters that cannot be shown or that disguise text. Control characters (NUL, BEL, ESC...) end up
/// raw in PDFs, CSV exports and mails; direction overrides (U+202A-U+202E, U+2066-U+2069) make "gpj.exe" read as
/// "exe.jpg". Tabs and, where a field has several lines, line breaks are allowed; right-to-left text itself is fine.
/// </summary>
public static class PlainText
{
    public const int Line = 200;

    /// <returns>What is wrong, as the end of a sentence that starts with the field's name; null when the text is fine.</returns>
    public static string? Problem(string text, int maxLength, bool multiline = false)
    {
        if (text.Length > maxLength)
            return $"is too long: {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters where at most {maxLength.ToString("N0", CultureInfo.InvariantCulture)} fit; shorten it.";
        foreach (var c in text)
        {
            if (c is '\t' || (multiline && c is '\n' or '\r')) continue;
            if (char.IsControl(c))
                return $"contains a control character (U+{(int)c:X4}) that cannot be shown; remove it (it often comes from copying out of another program).";
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return $"contains an invisible direction override (U+{(int)c:X4}) that can make text read differently from what it is; remove it.";
        }
        return null;
    }
}
