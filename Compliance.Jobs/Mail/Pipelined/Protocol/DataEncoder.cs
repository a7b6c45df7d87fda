using System.Buffers;

namespace Compliance.Jobs.Mail.Pipelined.Protocol;

/// <summary>
/// The DATA section (RFC 5321 4.5.2): every line ends in CRLF (a bare CR or LF becomes CRLF), a line that starts
/// with "." gets a second one, and the content ends with the CRLF "." CRLF terminator.
/// </summary>
internal static class DataEncoder
{
    /// <summary>The terminator: the moment the server takes the message (RFC 5321 4.1.1.4).</summary>
    public static void WriteEnd(IBufferWriter<byte> output) => output.Write(".\r\n"u8);

    /// <summary>The content, dot-stuffed, ending in CRLF, without the terminator: a server discards it if no terminator follows.</summary>
    public static void WriteContent(ReadOnlySpan<byte> message, IBufferWriter<byte> output)
    {
        var atLineStart = true;
        while (!message.IsEmpty)
        {
            if (atLineStart && message[0] == (byte)'.') output.Write("."u8);
            var end = message.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                output.Write(message);
                output.Write("\r\n"u8);
                break;
            }
            output.Write(message[..end]);
            output.Write("\r\n"u8);
            var crlf = message[end] == (byte)'\r' && end + 1 < message.Length && message[end + 1] == (byte)'\n';
            message = message[(end + (crlf ? 2 : 1))..];
            atLineStart = true;
        }
    }
}
