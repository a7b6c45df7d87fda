using System.Text;

namespace Compliance.Jobs.Filings;

/// <summary>
/// The canonical text of a filing's content: one line per element, values with their line breaks escaped.
/// Its SHA-256 is printed in every page footer and can be recomputed from the stored content model alone,
/// whatever the PDF library or its version writes into the file.
/// </summary>
internal static class FilingCanonicalText
{
    public static string Build(string layout, string language, string title, string subtitle, string stage, IEnumerable<FilingBlock> blocks)
    {
        var sb = new StringBuilder();
        sb.Append("filing ").Append(layout).Append(' ').Append(language).Append('\n');
        sb.Append("title\t").Append(Escape(title)).Append('\n');
        sb.Append("subtitle\t").Append(Escape(subtitle)).Append('\n');
        sb.Append("stage\t").Append(Escape(stage)).Append('\n');
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h: sb.Append("heading\t").Append(Escape(h.Text)); break;
                case FieldBlock f: sb.Append(f.Missing ? "missing\t" : "field\t").Append(Escape(f.Label)).Append('\t').Append(Escape(f.Value)); break;
                case ChecklistBlock c: sb.Append(c.Missing ? "check-missing\t" : "check\t").Append(Escape(c.Item)).Append('\t').Append(Escape(c.Status)); break;
                case NoteBlock n: sb.Append(n.Warning ? "warning\t" : "note\t").Append(Escape(n.Text)); break;
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Hash(string canonical) => Domain.Sha256Text.Of(canonical);

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t");
}
