namespace Compliance.Tests.Support;

/// <summary>
/// Postfix's smtp-sink on a loopback port, dumping each message to a file: a real SMTP server for tests.
/// <paramref name="rejectData"/> "4xx" or "5xx" makes it refuse every message at DATA with that class of reply.
/// </summary>
public sealed class SmtpSink(string? rejectData = null) : IDisposable
{
    private readonly SinkProcess sink = new(rejectData switch
    {
        "4xx" => ["-r", "data"],
        "5xx" => ["-f", "data"],
        _ => [],
    });

    public int Port => sink.Port;
    public string Folder => sink.Folder;

    /// <summary>The raw text of every message received in full, oldest first (never a <see cref="SinkSentinel"/>).</summary>
    public IReadOnlyList<string> Messages() => Dumps().Where(d => !SinkSentinel.IsSentinel(d)).ToList();

    /// <summary>Every message received in full, parsed (never a <see cref="SinkSentinel"/>).</summary>
    public IReadOnlyList<ReceivedMessage> Received() => Messages().Select(ReceivedMessage.Parse).ToList();

    /// <summary>Returns once the sink has taken in everything sent to it before this call (see <see cref="SinkSentinel"/>).</summary>
    public Task SettledAsync() => SinkSentinel.SendAndWaitAsync(Port, Dumps);

    private List<string> Dumps() => Directory.GetFiles(Folder).Order().Select(File.ReadAllText).Where(ReceivedMessage.IsComplete).ToList();

    public void Dispose() => sink.Dispose();
}
