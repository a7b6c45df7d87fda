using System.Text;

namespace Compliance.Jobs.Filings;

/// <summary>
/// Cleans user text once, before it enters the content model, so that the hash covers exactly what is drawn:
/// NFC, one kind of line break, tabs as spaces, no control characters or lone surrogates, no trailing blanks.
/// </summary>
internal static class FilingText
{
    public static string Clean(string text)
    {
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (!normalised.IsNormalized(NormalizationForm.FormC))
        {
            try { normalised = normalised.Normalize(NormalizationForm.FormC); }
            catch (ArgumentException) { } // lone surrogates: removed below
        }
        var sb = new StringBuilder(normalised.Length);
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalised.Length && char.IsLowSurrogate(normalised[i + 1]))
            {
                sb.Append(c).Append(normalised[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (c == '\t') sb.Append(' ');
            else if (c == '\n' || !char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
