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

    /// <summary>The raw text of every message received in full, oldest first.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.GetFiles(Folder).Order().Select(File.ReadAllText).Where(ReceivedMessage.IsComplete).ToList();

    /// <summary>Every message received in full, parsed.</summary>
    public IReadOnlyList<ReceivedMessage> Received() => SinkProcess.Dumps(Folder);

    public void Dispose() => sink.Dispose();
}
