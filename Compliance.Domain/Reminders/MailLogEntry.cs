using NodaTime;

namespace Compliance.Domain.Reminders;

public enum MailState { Sending, Sent, RetryLater, Failed, Uncertain }

/// <summary>
/// The send log. A row with a unique key is committed before a message leaves: a second run, or a second
/// node, finds it and sends nothing. A row left in <see cref="MailState.Sending"/> by a crash is never resent
/// on its own: it becomes <see cref="MailState.Uncertain"/> for a person to check and retry.
/// </summary>
public sealed class MailLogEntry
{
    private MailLogEntry() { Key = ""; Recipient = ""; Subject = ""; }

    public MailLogEntry(Guid organisationId, string key, string recipient, string subject, Instant createdAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Key = key;
        Recipient = recipient;
        Subject = subject;
        CreatedAt = createdAt;
        State = MailState.Sending;
        Attempts = 1;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Key { get; private set; }
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public MailState State { get; set; }
    public string? MessageId { get; set; }
    public string? ServerReply { get; set; }
    public int Attempts { get; set; }
    public Instant? NextAttemptAt { get; set; }
    public Instant CreatedAt { get; private set; }
    public Instant? SentAt { get; set; }
}
