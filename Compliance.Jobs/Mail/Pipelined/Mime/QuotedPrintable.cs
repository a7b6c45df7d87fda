using System.Buffers;
using System.Text;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>
/// RFC 2045 quoted-printable of UTF-8 text. Line breaks of any kind become hard CRLF breaks; encoded lines stay
/// within 76 characters through soft breaks, which never split an =XX triplet.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 76;
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    /// <summary>Writes the body; it does not end with a line break (the MIME boundary or the DATA end supplies it).</summary>
    public static void Encode(string text, AsciiWriter output)
    {
        // Only CR, LF and CRLF break lines; EnumerateLines would also break at U+2028 and form feeds.
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                EncodeLine(rest, output);
                return;
            }
            EncodeLine(rest[..end], output);
            output.Crlf();
            rest = rest[(rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? end + 2 : end + 1)..];
        }
    }

    private static void EncodeLine(ReadOnlySpan<char> line, AsciiWriter output)
    {
        if (line.IsEmpty) return;
        var max = Encoding.UTF8.GetMaxByteCount(line.Length);
        var rented = max <= 1024 ? null : ArrayPool<byte>.Shared.Rent(max);
        Span<byte> bytes = rented is null ? stackalloc byte[1024] : rented;
        var length = Encoding.UTF8.GetBytes(line, bytes);
        Span<byte> triplet = stackalloc byte[3];
        var column = 0;
        for (var i = 0; i < length; i++)
        {
            var b = bytes[i];
            var last = i == length - 1;
            // Whitespace at the end of a line would be stripped by some relays, so it is encoded there.
            var literal = b is >= 33 and <= 126 and not (byte)'=' || (b is (byte)' ' or (byte)'\t' && !last);
            var width = literal ? 1 : 3;
            // A soft break costs one column ('='), unless this is the line's last character.
            if (column + width > (last ? MaxLine : MaxLine - 1))
            {
                output.Byte((byte)'=');
                output.Crlf();
                column = 0;
            }
            if (literal)
            {
                output.Byte(b);
            }
            else
            {
                triplet[0] = (byte)'=';
                triplet[1] = Hex[b >> 4];
                triplet[2] = Hex[b & 0xF];
                output.Bytes(triplet);
            }
            column += width;
        }
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }
}
