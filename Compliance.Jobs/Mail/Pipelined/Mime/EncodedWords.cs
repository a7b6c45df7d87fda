using System.Text;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>
/// RFC 2047 "B" encoded-words for header text that is not plain ASCII. Each word holds whole characters (a word
/// must decode on its own); a line holding encoded-words stays within 76 characters, so words are folded onto
/// continuation lines.
/// </summary>
internal static class EncodedWords
{
    private const string Prefix = "=?UTF-8?B?", Suffix = "?=";
    private const int MaxLine = 76, Overhead = 12; // "=?UTF-8?B?" and "?="
    private const int MaxBytesPerWord = (MaxLine - 1 - Overhead) / 4 * 3; // on a continuation line, after its space

    public static bool Needed(string value)
    {
        foreach (var c in value)
            if (c is < ' ' or > '~') return true;
        // Text that looks like an encoded-word would be decoded by readers: encode it so it reads as written.
        return value.Contains("=?", StringComparison.Ordinal);
    }

    /// <param name="column">Where the first word starts on its line (after "Subject: ", say).</param>
    public static void Write(string value, AsciiWriter output, int column)
    {
        Span<byte> chunk = stackalloc byte[MaxBytesPerWord];
        Span<char> base64 = stackalloc char[64];
        var used = 0;
        var firstWord = true;
        var budget = Math.Clamp((MaxLine - column - Overhead) / 4 * 3, 12, MaxBytesPerWord);
        foreach (var rune in value.EnumerateRunes())
        {
            // Control characters (a CR or LF above all) cannot stand in a header, even encoded.
            var r = Rune.IsControl(rune) ? new Rune(' ') : rune;
            if (used + r.Utf8SequenceLength > budget)
            {
                Flush(chunk[..used], base64, output, ref firstWord);
                used = 0;
                budget = MaxBytesPerWord;
            }
            used += r.EncodeToUtf8(chunk[used..]);
        }
        if (used > 0 || firstWord) Flush(chunk[..used], base64, output, ref firstWord);
    }

    private static void Flush(ReadOnlySpan<byte> bytes, Span<char> base64, AsciiWriter output, ref bool firstWord)
    {
        if (!firstWord)
        {
            output.Crlf();
            output.Byte((byte)' ');
        }
        firstWord = false;
        Convert.TryToBase64Chars(bytes, base64, out var written);
        output.Text(Prefix);
        foreach (var c in base64[..written]) output.Byte((byte)c);
        output.Text(Suffix);
    }
}
