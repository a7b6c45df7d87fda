using MimeKit.IO;

namespace Compliance.Jobs.Mail.Mime;

/// <summary>
/// The moment between a message's content and the end of DATA. MailKit writes the terminating "." only after the
/// message has written itself, and the body is the last thing the message writes: so a body that passes this gate
/// after writing itself holds the terminator back until the hand-off log has recorded the message.
/// </summary>
internal sealed class ReleaseGate(Func<CancellationToken, ValueTask>? record)
{
    /// <summary>True once the content is written and recorded: from here the server may take the message.</summary>
    public bool Passed { get; private set; }

    public async Task PassAsync(Stream stream, CancellationToken ct)
    {
        // MailKit measures the message (for SIZE) by writing it to a MeasuringStream: that is no release.
        if (stream is MeasuringStream) return;
        if (record is not null)
        {
            try
            {
                await record(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                throw new HandOffFailedException(e);
            }
        }
        Passed = true;
    }

    public void Pass(Stream stream, CancellationToken ct)
    {
        if (stream is MeasuringStream) return;
        PassAsync(stream, ct).GetAwaiter().GetResult();
    }
}

/// <summary>The hand-off log could not record the message, so it was not released (MailKit drops the connection mid-DATA).</summary>
internal sealed class HandOffFailedException(Exception inner)
    : Exception($"the hand-off could not be recorded, so the message was not released: {inner.Message}", inner);
