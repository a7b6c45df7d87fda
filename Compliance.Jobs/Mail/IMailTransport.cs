namespace Compliance.Jobs.Mail;

/// <summary>One way out for every mail the tracker sends: SMTP, or a pickup folder of .eml files.</summary>
public interface IMailTransport
{
    Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

/// <summary>The way out for notice campaigns: many messages at once, each released only after the hand-off log recorded it.</summary>
public interface IBulkMailTransport
{
    /// <returns>One result per message, in order; never throws for a server or network problem, nor on cancellation.</returns>
    Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default);
}

public sealed record OutgoingMail(string To, string Subject, string Text, string? Html, string MessageId, IReadOnlyDictionary<string, string>? Headers = null);

public enum MailOutcome { Sent, RetryLater, Failed }

/// <summary>What the server said: a 4xx reply or a lost connection is worth retrying; a 5xx reply is final.</summary>
public sealed record MailResult(MailOutcome Outcome, string Reply)
{
    /// <summary>The reply as the send logs keep it (their columns hold 1,000 characters).</summary>
    public string StoredReply => Stored(Reply);

    public static string Stored(string reply) => reply.Length > 1000 ? reply[..1000] : reply;
}

/// <summary>
/// Where a bulk sender records, durably, that a message is about to be released to the server. The transport asks for
/// the record as it starts a message's transaction, so that the commit runs while the envelope and the content travel,
/// and it sends the end of DATA, the one moment a server takes a message, only once <see cref="RecordAsync"/> has
/// completed. So after a crash: not recorded means not at the server. A connection asks for its next record only after
/// settling (<see cref="Settled"/>) or withdrawing (<see cref="Withdrawn"/>) the one before, so if the log commits those
/// with or before the records that follow them, at most one message per connection is recorded and unsettled at a time.
/// </summary>
public interface IHandOffLog
{
    /// <param name="index">The message's position in the list given to the transport.</param>
    /// <exception cref="Exception">Anything: the message is then not released and comes back RetryLater.</exception>
    ValueTask RecordAsync(int index, CancellationToken ct);

    /// <summary>The message's final result, as soon as it is known (so the log can record acceptances before the batch ends).</summary>
    void Settled(int index, MailResult result) { }

    /// <summary>
    /// The message was recorded (or its record asked for) but never released: refused or cut off before the end of DATA.
    /// The server cannot have it; the record no longer stands, unless the message is recorded again later (handed to another connection).
    /// </summary>
    void Withdrawn(int index) { }
}
