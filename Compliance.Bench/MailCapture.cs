using System.Diagnostics;
using System.Text.Json;
using Compliance.Jobs.Mail;

namespace Compliance.Bench;

/// <summary>
/// Keeps, in a JSON file for nodemailer's bench script, every message the campaign sender hands to the transport, so
/// that <c>bench notices</c> can send exactly the same messages through nodemailer afterwards. Each batch is written after
/// the transport returns, and the time spent writing is kept apart so the campaign's figures can leave it out.
/// </summary>
internal sealed class MailCapture : IBulkMailTransport, IAsyncDisposable
{
    private readonly IBulkMailTransport inner;
    private readonly FileStream file;
    private readonly Utf8JsonWriter json;
    private long ticks;

    public MailCapture(IBulkMailTransport inner, string path, string from)
    {
        this.inner = inner;
        Path = path;
        file = File.Create(path);
        json = new Utf8JsonWriter(file);
        NodemailerPeer.WriteStart(json, from);
    }

    public string Path { get; }
    public int Count { get; private set; }
    public TimeSpan Time => Stopwatch.GetElapsedTime(0, ticks);

    public async Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
    {
        var results = await inner.SendManyAsync(mails, handOff, ct);
        var start = Stopwatch.GetTimestamp();
        foreach (var mail in mails) NodemailerPeer.WriteMessage(json, mail);
        Count += mails.Count;
        await json.FlushAsync(ct);
        ticks += Stopwatch.GetTimestamp() - start;
        return results;
    }

    /// <summary>Closes the file; after this it holds a complete JSON document.</summary>
    public async ValueTask DisposeAsync()
    {
        NodemailerPeer.WriteEnd(json);
        await json.DisposeAsync();
        await file.DisposeAsync();
    }
}
