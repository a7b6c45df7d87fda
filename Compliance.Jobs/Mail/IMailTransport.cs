namespace Compliance.Jobs.Mail;

/// <summary>One way out for every mail the tracker sends: SMTP, or a pickup folder of .eml files.</summary>
public interface IMailTransport
{
    Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

public sealed record OutgoingMail(string To, string Subject, string Text, string? Html, string MessageId, IReadOnlyDictionary<string, string>? Headers = null);

public enum MailOutcome { Sent, RetryLater, Failed }

/// <summary>What the server said: a 4xx reply or a lost connection is worth retrying; a 5xx reply is final.</summary>
public sealed record MailResult(MailOutcome Outcome, string Reply);
