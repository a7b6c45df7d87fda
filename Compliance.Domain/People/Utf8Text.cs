using System.Buffers;
using System.Text.Unicode;

namespace Compliance.Domain.People;

/// <summary>Finds where a file stops being UTF-8, so a person can be told which line to look at, not just "bad encoding".</summary>
public static class Utf8Text
{
    /// <summary>The 1-based line holding the first byte that is not UTF-8, or null when the whole stream is UTF-8.</summary>
    public static long? FirstInvalidLine(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var chars = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            long line = 1;
            var carried = 0; // bytes of a sequence split across two reads
            while (true)
            {
                var read = stream.Read(buffer, carried, 64 * 1024 - carried);
                var length = carried + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                line += buffer.AsSpan(0, consumed).Count((byte)'\n');
                if (status == OperationStatus.InvalidData) return line;
                if (final) return null;
                carried = length - consumed;
                buffer.AsSpan(consumed, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public const string SaveAsUtf8 = "Save it as UTF-8 and upload it again: in Excel, Save As > \"CSV UTF-8 (comma delimited)\"; in LibreOffice, Save As > CSV with \"Edit filter settings\" and the character set \"Unicode (UTF-8)\".";
}
