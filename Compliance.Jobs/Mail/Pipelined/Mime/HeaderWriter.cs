namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>Writes one header field: plain ASCII folded at spaces, anything else as RFC 2047 encoded-words.</summary>
internal static class HeaderWriter
{
    private const int FoldAt = 78, HardLimit = 998;

    public static void Unstructured(AsciiWriter output, string name, string value)
    {
        output.Text(name);
        output.Text(": ");
        if (EncodedWords.Needed(value)) EncodedWords.Write(value, output, name.Length + 2);
        else Folded(output, value, name.Length + 2);
        output.Crlf();
    }

    /// <summary>A value the caller has already made safe (an address, a date, a token list): written as it is.</summary>
    public static void Raw(AsciiWriter output, string name, string value)
    {
        output.Text(name);
        output.Text(": ");
        output.Utf8(value);
        output.Crlf();
    }

    public static void Mailbox(AsciiWriter output, string name, string? displayName, MailAddressText address)
    {
        output.Text(name);
        output.Text(": ");
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            if (EncodedWords.Needed(displayName)) EncodedWords.Write(displayName, output, name.Length + 2);
            else output.Text(Quoted(displayName));
            output.Text(" <");
            output.Utf8(address.Value);
            output.Byte((byte)'>');
        }
        else
        {
            output.Utf8(address.Value);
        }
        output.Crlf();
    }

    // RFC 5322 phrase: atoms may go bare; anything with specials is a quoted-string.
    private static string Quoted(string phrase) =>
        phrase.AsSpan().IndexOfAny("()<>[]:;@\\,.\"") < 0 ? phrase : $"\"{phrase.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    private static void Folded(AsciiWriter output, string value, int column)
    {
        if (value.Length > HardLimit) throw new FormatException($"a header value of {value.Length} characters without encoding is too long");
        var start = 0;
        while (column + value.Length - start > FoldAt)
        {
            // Fold before the last space that fits; a word longer than a line stays whole (RFC 5322 allows up to 998).
            var limit = Math.Min(value.Length - 1, start + FoldAt - column);
            var space = limit > start ? value.LastIndexOf(' ', limit, limit - start) : -1;
            if (space < 0) space = value.IndexOf(' ', Math.Max(limit, start + 1));
            if (space < 0) break;
            output.Text(value[start..space]);
            output.Crlf();
            start = space; // the space begins the continuation line
            column = 0;
        }
        output.Text(value[start..]);
    }
}
