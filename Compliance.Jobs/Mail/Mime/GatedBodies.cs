using MimeKit;

namespace Compliance.Jobs.Mail.Mime;

// MimeMessage.WriteTo is not virtual, but an entity's WriteTo is: these bodies write themselves, then pass the gate.

/// <summary>text/plain and text/html as multipart/alternative, holding the end of DATA until the gate opens.</summary>
internal sealed class GatedAlternative(ReleaseGate gate) : MultipartAlternative
{
    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
        await gate.PassAsync(stream, cancellationToken);
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        base.WriteTo(options, stream, contentOnly, cancellationToken);
        gate.Pass(stream, cancellationToken);
    }
}

/// <summary>A lone text/plain body, holding the end of DATA until the gate opens.</summary>
internal sealed class GatedTextPart(ReleaseGate gate, string subtype) : TextPart(subtype)
{
    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
        await gate.PassAsync(stream, cancellationToken);
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        base.WriteTo(options, stream, contentOnly, cancellationToken);
        gate.Pass(stream, cancellationToken);
    }
}
