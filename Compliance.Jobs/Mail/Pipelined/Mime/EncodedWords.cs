using System.Text;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>
/// RFC 2047 "B" encoded-words for header text that is not plain ASCII. Each word holds whole characters (a word
/// must decode on its own) and stays within 75 characters; words are folded onto continuation lines.
/// </summary>
internal static class EncodedWords
{
    private const string Prefix = "=?UTF-8?B?", Suffix = "?=";
    private const int MaxBytesPerWord = 45; // 60 base64 characters: 10 + 60 + 2 = 72, under the 75 limit

    public static bool Needed(string value)
    {
        foreach (var c in value)
            if (c is < ' ' or > '~') return true;
        // Text that looks like an encoded-word would be decoded by readers: encode it so it reads as written.
        return value.Contains("=?", StringComparison.Ordinal);
    }

    public static void Write(string value, AsciiWriter output)
    {
        Span<byte> chunk = stackalloc byte[MaxBytesPerWord];
        Span<char> base64 = stackalloc char[64];
        var used = 0;
        var firstWord = true;
        foreach (var rune in value.EnumerateRunes())
        {
            // Control characters (a CR or LF above all) cannot stand in a header, even encoded.
            var r = Rune.IsControl(rune) ? new Rune(' ') : rune;
            if (used + r.Utf8SequenceLength > MaxBytesPerWord)
            {
                Flush(chunk[..used], base64, output, ref firstWord);
                used = 0;
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
