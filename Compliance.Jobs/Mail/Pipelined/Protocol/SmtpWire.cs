using System.Buffers;
using System.Text;

namespace Compliance.Jobs.Mail.Pipelined.Protocol;

/// <summary>
/// Buffered SMTP over a stream: commands collect in <see cref="Output"/> and leave in one write per flush (so a
/// pipelined group is one TCP segment); replies are parsed from a read buffer without a read per line.
/// Every read and write is bounded by the reply timeout.
/// </summary>
internal sealed class SmtpWire(Stream stream, TimeSpan timeout) : IAsyncDisposable
{
    private const int MaxLineLength = 4096, MaxReplyLines = 200;
    private readonly byte[] input = new byte[16 * 1024];
    private readonly ArrayBufferWriter<byte> output = new(16 * 1024);
    private int start, end;
    private CancellationTokenSource? deadline;

    public Stream Stream { get; private set; } = stream;

    public IBufferWriter<byte> Output => output;

    /// <summary>Binds the caller's token for the next exchanges; the reply timeout is added to it.</summary>
    public void Use(CancellationToken ct)
    {
        deadline?.Dispose();
        deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
    }

    /// <summary>Moves to a new stream (TLS after STARTTLS). Data already buffered would have arrived in clear
    /// text after the 220 (a known injection attack), so it is refused rather than carried over.</summary>
    public void Upgrade(Stream secured)
    {
        if (end > start) throw new SmtpSessionException("the server sent data after its STARTTLS reply; refusing to continue");
        Stream = secured;
    }

    public void Command(string line)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length) + 2);
        var written = Encoding.UTF8.GetBytes(line, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        output.Advance(written + 2);
    }

    public async ValueTask FlushAsync()
    {
        if (output.WrittenCount == 0) return;
        await Stream.WriteAsync(output.WrittenMemory, Arm());
        output.ResetWrittenCount();
    }

    /// <summary>Discards what was written but not flushed (the connection is being abandoned).</summary>
    public void DiscardOutput() => output.ResetWrittenCount();

    public ValueTask<SmtpReply> ReadReplyAsync() =>
        TryParseReply(out var reply) ? new ValueTask<SmtpReply>(reply) : ReadReplySlowAsync();

    private async ValueTask<SmtpReply> ReadReplySlowAsync()
    {
        while (true)
        {
            if (start > 0 && start == end) start = end = 0;
            if (end == input.Length)
            {
                if (start == 0) throw new SmtpConnectionLostException("the server sent a reply longer than the read buffer");
                Buffer.BlockCopy(input, start, input, 0, end - start);
                end -= start;
                start = 0;
            }
            var read = await Stream.ReadAsync(input.AsMemory(end), Arm());
            if (read == 0) throw new SmtpConnectionLostException("the server closed the connection");
            end += read;
            if (TryParseReply(out var reply)) return reply;
        }
    }

    // Consumes a whole reply if the buffer holds one; otherwise leaves the buffer as it was.
    private bool TryParseReply(out SmtpReply reply)
    {
        reply = default;
        var position = start;
        List<string>? lines = null;
        for (var count = 0; count < MaxReplyLines; count++)
        {
            var rest = input.AsSpan(position, end - position);
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (rest.Length > MaxLineLength) throw new SmtpConnectionLostException("the server sent a reply line that never ends");
                return false;
            }
            var line = rest[..newline];
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            if (line.Length < 3 || !IsDigit(line[0]) || !IsDigit(line[1]) || !IsDigit(line[2]))
                throw new SmtpConnectionLostException($"the server sent something that is not an SMTP reply: '{Encoding.UTF8.GetString(line)}'");
            position += newline + 1;
            var code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
            var last = line.Length == 3 || line[3] != (byte)'-';
            if (last && lines is null)
            {
                // The common case, one line: no list.
                start = position;
                reply = new SmtpReply(code, Encoding.UTF8.GetString(line));
                return true;
            }
            (lines ??= []).Add(line.Length > 4 ? Encoding.UTF8.GetString(line[4..]) : "");
            if (last)
            {
                start = position;
                reply = new SmtpReply(code, $"{code} {string.Join(' ', lines)}", lines);
                return true;
            }
        }
        throw new SmtpConnectionLostException($"the server sent a reply of more than {MaxReplyLines} lines");
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private CancellationToken Arm()
    {
        deadline ??= new CancellationTokenSource();
        deadline.CancelAfter(timeout);
        return deadline.Token;
    }

    public async ValueTask DisposeAsync()
    {
        deadline?.Dispose();
        await Stream.DisposeAsync();
    }
}
