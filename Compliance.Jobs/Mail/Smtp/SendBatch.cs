using System.Collections.Concurrent;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>
/// One <see cref="SmtpMailTransport.SendManyAsync(IReadOnlyList{OutgoingMail}, IHandOffLog?, CancellationToken)"/> call shared by its connections: which message is next,
/// and each message's result. A message whose body never reached the server can be handed back after a lost
/// connection and goes out on another, a few times at most.
/// </summary>
internal sealed class SendBatch(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct)
{
    private const int MaxLossesPerMessage = 3;
    private readonly MailResult?[] results = new MailResult?[mails.Count];
    private readonly int[] losses = new int[mails.Count];
    private readonly ConcurrentQueue<int> handedBack = new();
    private int next = -1;
    private volatile string? lastProblem;

    public IReadOnlyList<OutgoingMail> Mails => mails;

    public IHandOffLog? HandOff => handOff;

    public bool HasWork => !ct.IsCancellationRequested && (Volatile.Read(ref next) + 1 < mails.Count || !handedBack.IsEmpty);

    public bool TryTake(out int index)
    {
        index = -1;
        if (ct.IsCancellationRequested) return false;
        if (handedBack.TryDequeue(out index)) return true;
        if (Volatile.Read(ref next) + 1 >= mails.Count) return false;
        index = Interlocked.Increment(ref next);
        return index < mails.Count;
    }

    public void Complete(int index, MailResult result)
    {
        results[index] = result;
        handOff?.Settled(index, result);
    }

    /// <summary>The connection was lost before this message's body was sent: the server cannot have it.</summary>
    public void HandBack(int index, string reason)
    {
        if (Interlocked.Increment(ref losses[index]) >= MaxLossesPerMessage || ct.IsCancellationRequested)
            Complete(index, new MailResult(MailOutcome.RetryLater, $"not sent: {reason}"));
        else
            handedBack.Enqueue(index);
    }

    /// <summary>Why the messages still without a result were not sent (the last connection problem).</summary>
    public void NoteProblem(string reason) => lastProblem = reason;

    public IReadOnlyList<MailResult> Results()
    {
        var why = ct.IsCancellationRequested ? "cancelled" : lastProblem ?? "no connection could be used";
        return Array.ConvertAll(results, r => r ?? new MailResult(MailOutcome.RetryLater, $"not sent: {why}"));
    }
}
