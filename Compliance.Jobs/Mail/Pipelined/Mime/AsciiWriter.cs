using System.Buffers;
using System.Text;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>Appends message text to a byte buffer; everything it writes is 7-bit except <see cref="Utf8"/>.</summary>
internal readonly struct AsciiWriter(ArrayBufferWriter<byte> buffer)
{
    public void Text(string ascii)
    {
        var span = buffer.GetSpan(ascii.Length);
        for (var i = 0; i < ascii.Length; i++) span[i] = (byte)ascii[i];
        buffer.Advance(ascii.Length);
    }

    public void Utf8(string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    public void Byte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public void Crlf()
    {
        var span = buffer.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        buffer.Advance(2);
    }
}
