using System.Text;

namespace Compliance.Web.Calendar;

/// <summary>RFC 5545 text rules: TEXT values escaped (3.3.11), lines folded at 75 octets with CRLF + space (3.1).</summary>
public static class CalendarText
{
    public const int MaxOctets = 75;

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\n': sb.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Writes one content line, folded so that no line is longer than 75 octets and no UTF-8 sequence is split.</summary>
    public static void WriteLine(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space of a continuation line counts
            }
            output.Append(line, i, width);
            octets += size;
            i += width - 1;
        }
        output.Append("\r\n");
    }
}
