using MimeKit;
using MimeKit.IO;

namespace Compliance.Jobs.Mail.Mime;

// MimeMessage.WriteTo is not virtual, but an entity's WriteTo is: these bodies write themselves, then pass the gate.
// When the server offers SIZE, MailKit writes each message twice, once to measure it and once to send it, with the same
// options: the body keeps the bytes of the first write and sends those, so its encoding is done once.

/// <summary>text/plain and text/html as multipart/alternative, holding the end of DATA until the gate opens.</summary>
internal sealed class GatedAlternative(ReleaseGate gate) : MultipartAlternative
{
    private readonly MeasuredBody measured = new();

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!await measured.TryWriteAsync(options, stream, contentOnly, cancellationToken))
            await base.WriteToAsync(options, measured.Target(options, stream, contentOnly), contentOnly, cancellationToken);
        await measured.FinishAsync(stream, cancellationToken);
        await gate.PassAsync(stream, cancellationToken);
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!measured.TryWrite(options, stream, contentOnly))
            base.WriteTo(options, measured.Target(options, stream, contentOnly), contentOnly, cancellationToken);
        measured.Finish(stream);
        gate.Pass(stream, cancellationToken);
    }
}

/// <summary>A lone text/plain body, holding the end of DATA until the gate opens.</summary>
internal sealed class GatedTextPart(ReleaseGate gate, string subtype) : TextPart(subtype)
{
    private readonly MeasuredBody measured = new();

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!await measured.TryWriteAsync(options, stream, contentOnly, cancellationToken))
            await base.WriteToAsync(options, measured.Target(options, stream, contentOnly), contentOnly, cancellationToken);
        await measured.FinishAsync(stream, cancellationToken);
        await gate.PassAsync(stream, cancellationToken);
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!measured.TryWrite(options, stream, contentOnly))
            base.WriteTo(options, measured.Target(options, stream, contentOnly), contentOnly, cancellationToken);
        measured.Finish(stream);
        gate.Pass(stream, cancellationToken);
    }
}

/// <summary>
/// A body's bytes as written for the measuring pass (a <see cref="MeasuringStream"/>), replayed by the next write with
/// the same options object; any other write encodes the body afresh.
/// </summary>
internal sealed class MeasuredBody
{
    private FormatOptions? options;
    private bool contentOnly;
    private MemoryStream? capturing;
    private byte[]? bytes;

    /// <summary>Where the body writes itself: a buffer while being measured, otherwise the stream.</summary>
    public Stream Target(FormatOptions options, Stream stream, bool contentOnly)
    {
        if (stream is not MeasuringStream) return stream;
        (this.options, this.contentOnly, bytes) = (options, contentOnly, null);
        return capturing = new MemoryStream(2048);
    }

    public bool TryWrite(FormatOptions options, Stream stream, bool contentOnly)
    {
        if (!Replays(options, stream, contentOnly)) return false;
        stream.Write(bytes);
        return true;
    }

    public async ValueTask<bool> TryWriteAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken ct)
    {
        if (!Replays(options, stream, contentOnly)) return false;
        await stream.WriteAsync(bytes, ct);
        return true;
    }

    /// <summary>After the body's own write: a captured body goes on to the measuring stream.</summary>
    public void Finish(Stream stream)
    {
        if (capturing is null) return;
        bytes = capturing.ToArray();
        capturing = null;
        stream.Write(bytes);
    }

    public async ValueTask FinishAsync(Stream stream, CancellationToken ct)
    {
        if (capturing is null) return;
        bytes = capturing.ToArray();
        capturing = null;
        await stream.WriteAsync(bytes, ct);
    }

    private bool Replays(FormatOptions options, Stream stream, bool contentOnly) =>
        bytes is not null && stream is not MeasuringStream && ReferenceEquals(options, this.options) && contentOnly == this.contentOnly;
}
